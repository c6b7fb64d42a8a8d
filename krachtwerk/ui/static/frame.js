// The frame every step shares in the browser (krachtwerk/ui/frame.py). Runs after every run.
// Words come from the catalogue as data and are only ever set as textContent.
const STYLESHEET = __STYLESHEET__;

const sizeOf = (english, lang) => {
  const match = /([0-9.]+)\s*([KMG]?B)/.exec(english);
  if (!match) return "";
  const number = Number(match[1]).toLocaleString(lang, { maximumFractionDigits: 1 });
  return `${number} ${match[2]}`;
};

// Streamlit's own English, said again in the screen's language.
const said = (kk, english) => {
  const words = kk.words;
  const text = english.replace(/^Error:\s*/, "").trim();
  if (text.startsWith("File must be")) return words.too_big.replace("{size}", sizeOf(text, kk.lang));
  if (text.endsWith("files are not allowed.")) return words.wrong_type;
  if (/ per file/.test(text)) return words.upload_limit.replace("{size}", sizeOf(text, kk.lang));
  if (/^•\s/.test(text)) return "";  // the file types after the limit: the label says what to pick
  if (/^Press (⌘|Ctrl)\+Enter to (apply|submit form)$/.test(text)) return words.enter_multiline;
  if (/^Press Enter to (apply|submit form)$/.test(text)) return words.enter_single;
  if (text === "Upload") return words.upload;
  if (text === "Skip to main content") return words.skip;
  const more = /^(\d+) more$/.exec(text);  // the stepper on a narrow screen
  if (more) return words.more.replace("{count}", more[1]);
  if (text.startsWith("Use arrow keys to navigate dates.")) return words.aria.calendar_help;
  if (text.startsWith("Choose date, ")) return `${words.aria.choose_date}, ${text.slice(13)}`;
  return null;
};

// What a screen reader says: Streamlit's English labels of controls, by their exact words.
const LABELS = {
  "App pages": "steps",
  "Choose date": "choose_date",
  "Clear date": "clear_date",
  "Previous month": "previous_month",
  "Next month": "next_month",
  "Link to heading": "link_to_heading",
  "file upload": "file_upload",
  "Close": "close",
  "progress": "progress",
  "check_circle icon": "done",  // the concreteness check on Actie: what is there already
  "lightbulb icon": "tip",  // ... and what could make the step clearer
};
const DATE_PARTS = { day: "day", month: "month", year: "year" };

const labelFor = (kk, english) => {
  const aria = kk.words.aria;
  if (english in LABELS) return aria[LABELS[english]];
  if (english.startsWith("Help for ")) return aria.help_for.replace("{label}", english.slice(9));
  if (english.startsWith("Choose date, ")) return `${aria.choose_date}, ${english.slice(13)}`;
  const part = /^(day|month|year), (.*)$/.exec(english);  // a date field's parts
  if (part) return `${aria[DATE_PARTS[part[1]]]}, ${part[2]}`;
  return null;
};

const seenLabels = new WeakMap();

const relabel = (kk) => {
  for (const element of document.querySelectorAll("[aria-label]")) {
    const label = element.getAttribute("aria-label");
    const before = seenLabels.get(element);
    const ours = before !== undefined && before.said === label;
    if (ours && before.lang === kk.lang) continue;
    const english = ours ? before.english : label;
    const words = labelFor(kk, english);
    if (words === null || words === undefined) continue;
    element.setAttribute("aria-label", words);
    seenLabels.set(element, { english, said: words, lang: kk.lang });
  }
};

// Only the value of a text node changes: React keeps its nodes and overwrites the value when it
// updates, and the observer then says it again.
const seen = new WeakMap();

const rewordNode = (kk, node, fallback) => {
  const before = seen.get(node);
  const ours = before !== undefined && before.said === node.nodeValue;
  if (ours && before.lang === kk.lang) return;
  const english = ours ? before.english : node.nodeValue;
  const words = said(kk, english) ?? fallback;
  if (words === null || words === undefined) return;
  node.nodeValue = words;
  seen.set(node, { english, said: words, lang: kk.lang });
};

const reword = (kk, element, fallback) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.nodeValue.trim()) rewordNode(kk, walker.currentNode, fallback);
  }
};

const mend = (kk) => {
  // The chip of a refused file: a hidden alert and a hover tooltip, both in English.
  for (const chip of document.querySelectorAll('[data-testid="stFileChip"][aria-invalid="true"]')) {
    const alert = document.getElementById(chip.getAttribute("aria-describedby"));
    if (alert) {
      reword(kk, alert, kk.words.upload_failed);
      alert.classList.add("kk-upload-problem");
    }
  }
  for (const tip of document.querySelectorAll('[data-testid="stTooltipErrorContent"]')) {
    reword(kk, tip, kk.words.upload_failed);
  }
  const english = [
    '[data-testid="stFileUploaderDropzoneInstructions"]',
    '[data-testid="stFileUploader"] button',
    '[data-testid="InputInstructions"]',
    '[data-testid="stSkipToContent"]',
    '[data-testid="stDateInputCalendar"]',
    '[data-testid="stTopNav"]',
  ];
  for (const element of document.querySelectorAll(english.join(","))) reword(kk, element);
  relabel(kk);
};

// A domain card ticks as a whole: a click anywhere on it is a click on its tick box.
const onCardClick = (event) => {
  const card = event.target.closest('[class*="st-key-card-"]');
  if (!card || event.target.closest("label, input, button, a")) return;
  card.querySelector('[data-testid="stCheckbox"] input[type="checkbox"]')?.click();
};

// Bring a part that just appeared into view, once: it is where the pair looks next.
const scrollInto = (kk, request) => {
  if (!request || kk.scrolled === request.nonce) return;
  kk.scrolled = request.nonce;
  const started = performance.now();
  const look = () => {
    const target = document.querySelector(`.st-key-${CSS.escape(request.key)}`);
    if (target) {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
    } else if (performance.now() - started < 2000) {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
};

export default function ({ data }) {
  document.documentElement.lang = data.lang;
  document.documentElement.classList.toggle("kk-larger", Boolean(data.larger));
  const kk = (window.__kkFrame ||= {});
  kk.words = data.words;
  kk.lang = data.lang;
  if (!kk.started) {
    kk.started = true;
    const style = document.createElement("style");
    style.id = "kk-frame";
    style.textContent = STYLESHEET;
    document.head.appendChild(style);
    // Once per frame at most, however many changes a run makes.
    kk.observer = new MutationObserver(() => {
      if (kk.pending) return;
      kk.pending = true;
      requestAnimationFrame(() => {
        kk.pending = false;
        mend(kk);
      });
    });
    kk.observer.observe(document.body, {
      childList: true, subtree: true, characterData: true,
      attributes: true, attributeFilter: ["aria-label"],
    });
    document.addEventListener("click", onCardClick);
  }
  mend(kk);
  scrollInto(kk, data.scroll);
}
