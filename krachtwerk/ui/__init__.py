"""The Streamlit layer: with app.py and pages/ the only code that imports streamlit (design §10)."""
