"""The page's type sizes and colours (the quadrant colours come from content/structure.toml)."""

PT = 25.4 / 72  # mm per point

# Type sizes in pt: (largest, smallest) a text may shrink between.
TITLE_PT = (24.0, 14.0)
DATE_PT = 13.0
LABEL_PT = 10.5
ACTION_PT = (30.0, 7.0)
GOAL_PT = (15.0, 9.0)
DETAIL_PT = (15.0, 9.0)
BODY_PT = (13.0, 9.0)
SMALL_PT = 9.0
MIN_PT = 9.0

# Warm, sober colours.
INK = "#1F2A37"
MUTED = "#5F6B78"
PAPER_TINT = "#FFF7EA"
RULE = "#CDC6BB"
WHITE = "#FFFFFF"
STAR = "#F6C177"
NEUTRAL_ACCENT = "#E8DCC8"
