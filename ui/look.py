"""How the app looks and behaves in the browser before any event reaches the server: the CSS
that keeps the message box in the first view and the phone layout usable, and the page script
that shortens long titles at word boundaries (whole text on hover), closes the sidebar and folds
the answer's details on narrow screens, makes a table that scrolls sideways a focusable region,
and reveals a streamed answer word by word.

`ui.app` hands these to Gradio's `launch(css=…, head=…, theme=…)`; Gradio itself is imported
only when the theme is built.
"""

from __future__ import annotations

# Below this width (a portrait tablet and anything narrower) the conversations sidebar starts
# closed and opens over the page instead of pushing it aside.
NARROW_PX = 1024

# The answer's words are revealed a few at a time, every REVEAL_MS, at least REVEAL_WORDS per
# step; a longer backlog goes faster, so no answer takes more than about REVEAL_MAX_MS to show.
REVEAL_MS = 40
REVEAL_WORDS = 2
REVEAL_MAX_MS = 1500
# The CSS highlight that paints words not yet revealed (the page never edits Gradio's DOM).
UNREVEALED = "advisor-unrevealed"
# The longest an event that needs the session waits for the page's load event to finish.
SESSION_WAIT_MS = 30_000

# Accordions open beside the chat, folded where the columns stack and they come under it (a
# phone): the answer's details and sources, one line under the answer until opened.
FOLDED_UNDER = ("#answer-details",)

# What a table's scroll region is called after the table's own name ("Ranking, scrolls sideways").
TABLE_REGION_SUFFIX = ", scrolls sideways"

# Characters kept of a title before it is cut at a word boundary, per kind of list.
SHORT_TITLES = {
    "#conversation-list label > span": 44,
    "#chatbot button.example span": 64,
}

CSS = f"""
/* First view: the chat area shrinks with the window so the message box stays above the fold. */
#chatbot {{ height: clamp(220px, calc(100vh - 380px), 560px) !important; }}
#chatbot .placeholder-content, #chatbot .placeholder {{ max-width: 46rem; margin: 0 auto; }}
/* The welcome starts under the chat's own label, never behind it. */
#chatbot .placeholder-content {{ padding-top: 2.5rem; }}
#citation-panel {{ max-height: 520px; overflow-y: auto; }}
.grounding-badge p {{ font-weight: 600; }}
#sentence-highlight .textfield {{ word-break: normal; display: block; }}
#app-header h1 {{ margin: 0; font-size: 1.4rem; }}
#app-header p {{ margin: 0; }}
/* Tables scroll inside their own box, never the page. Every table (a Gradio Dataframe) scrolls
   sideways in its container, outside Gradio's role=grid: the grid and its virtual viewport take
   the table's whole width, so the viewport only ever scrolls down. The page script makes the
   container a focusable, named region while it scrolls (tableRegions). */
#plan-table, #plan-ranking {{ max-width: 100%; }}
.table-container {{ overflow-x: auto; }}
.table-container > .header-row {{ position: sticky; left: 0; }}
.table-container .table-wrap {{ width: max-content; min-width: 100%; }}
.table-container .table-wrap > .upload-container,
.table-container .virtual-table-viewport {{ max-width: none !important; }}
#plan-matrix {{ min-width: 0; }}
::highlight({UNREVEALED}) {{ color: transparent; text-decoration-color: transparent; }}
footer .settings, footer a {{ color: var(--neutral-700) !important; }}
/* The "- or -" between "drop a file" and "click to upload" is text too (AA contrast). */
[data-testid="upload-text"] .or {{ color: var(--neutral-700) !important; }}
button[data-tab-id][aria-selected="true"], button[data-tab-id].selected {{
  color: var(--primary-700) !important; }}
@media (max-width: {NARROW_PX - 1}px) {{
  /* The page's header wraps to more lines on a narrow screen: the chat gives up that room. */
  #chatbot {{ height: clamp(240px, calc(100vh - 420px), 520px) !important; }}
  #chatbot button.example {{ padding: 6px 10px !important; min-height: 0 !important; }}
  /* The box, Send and Stop stay on one line: the answer's sources follow right under them. */
  #send, #stop {{ min-width: 56px !important; padding-left: 8px !important;
                  padding-right: 8px !important; }}
  /* The sidebar opens over the page (dimming it), never pushes it, and its toggle stays on
     screen: at the page's left edge when closed, inside the panel when open. */
  #conversations.sidebar:not(.right) {{ width: min(320px, 86vw) !important;
                                        left: calc(-1 * min(320px, 86vw)) !important; }}
  #conversations.sidebar.open {{ box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.35) !important; }}
  #conversations.sidebar:not(.open) .toggle-button {{ left: 100% !important; }}
  #conversations.sidebar.open .toggle-button {{ left: auto !important; right: 6px !important; }}
  #conversations.sidebar.open .sidebar-content {{ padding-top: 3.5rem; }}
  .sidebar-parent:has(#conversations.open) {{ padding-left: 0 !important; }}
  /* The matrix takes the whole width; the roadmap goes under it. */
  #plan-matrix {{ flex: 1 1 100% !important; min-width: 100% !important; }}
}}
"""

HEAD = """
<script>
(() => {
  const NARROW = %(narrow)d;
  const FOLDED_UNDER = %(folded)s;
  const LIMITS = %(limits)s;
  // Lists Gradio shortens itself (the examples gallery) get labels cut in Python; their whole
  // texts come with the page: shown label -> whole text.
  const WHOLE = %(whole)s;
  function shorten(text, limit) {
    if (text.length <= limit) return text;
    let cut = text.slice(0, limit);
    const space = cut.lastIndexOf(" ");
    if (space > limit / 2) cut = cut.slice(0, space);
    return cut.replace(/[\\s,;:.!?\\-–—(\\[]+$/, "") + "…";
  }
  // Rewrites only the text node of a leaf element: Svelte's comment anchors stay in place.
  function shortenTitles() {
    for (const [selector, limit] of Object.entries(LIMITS)) {
      for (const el of document.querySelectorAll(selector)) {
        if (el.children.length) continue;  // only elements that hold the text itself
        const texts = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE);
        const text = texts.map(n => n.data).join("").trim();
        if (!text || el.dataset.shortened === text) continue;  // empty, or ours unchanged
        const short = shorten(text, limit);
        texts.forEach((node, i) => { node.data = i === 0 ? short : ""; });
        el.dataset.shortened = short;
        el.setAttribute("title", text);
      }
    }
  }
  function titleKnownLabels() {
    for (const el of document.querySelectorAll("#examples .gallery-item *")) {
      const whole = WHOLE[el.textContent.trim()];
      if (!el.children.length && whole && el.getAttribute("title") !== whole) {
        el.setAttribute("title", whole);
      }
    }
  }
  // ARIA slips of Gradio's own markup (axe-core): the chatbot's example chips are buttons
  // in a "list" without list items, and an empty block carries a label but no role.
  function mendAria() {
    for (const el of document.querySelectorAll('#chatbot .examples[role="list"]')) {
      el.setAttribute("role", "group");
      el.setAttribute("aria-label", "Example questions");
    }
    for (const el of document.querySelectorAll(".empty[aria-label]:not([role])")) {
      el.setAttribute("role", "img");
    }

  }
  // A table wider than its box scrolls sideways in its container (CSS above), and a keyboard
  // user must be able to scroll it: while it scrolls, the container is a focusable region named
  // after its table (axe-core's scrollable-region-focusable), outside the grid, so the grid's own
  // keyboard model is untouched. A table that fits is no stop of its own.
  const REGION_SUFFIX = %(region_suffix)s;
  function tableRegions() {
    for (const box of document.querySelectorAll(".table-container")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      const ours = box.dataset.region === "1";
      if (scrolls && !ours) {
        const name = box.querySelector('[role="grid"]')?.getAttribute("aria-label") || "Table";
        box.setAttribute("role", "region");
        box.setAttribute("tabindex", "0");
        box.setAttribute("aria-label", name + REGION_SUFFIX);
        box.dataset.region = "1";
      } else if (!scrolls && ours) {
        for (const a of ["role", "tabindex", "aria-label", "data-region"]) box.removeAttribute(a);
      }
    }
  }
  // A cell that takes the focus (the grid's arrow keys) is scrolled into its box's view: the
  // grid's own scrolling only moves its viewport, which no longer scrolls sideways.
  document.addEventListener("focusin", (e) => {
    const box = e.target.closest ? e.target.closest(".table-container") : null;
    if (!box || e.target === box || box.scrollWidth <= box.clientWidth) return;
    const shown = box.getBoundingClientRect(), cell = e.target.getBoundingClientRect();
    if (cell.left < shown.left) box.scrollLeft -= shown.left - cell.left;
    else if (cell.right > shown.right) {
      box.scrollLeft += Math.min(cell.right - shown.right, cell.left - shown.left);
    }
  });
  const tableBoxes = new ResizeObserver(tableRegions);  // a tab shown, a row added, a resize
  const watchedTables = new WeakSet();
  function watchTables() {
    for (const el of document.querySelectorAll(".table-container, .table-container .table-wrap")) {
      if (!watchedTables.has(el)) { watchedTables.add(el); tableBoxes.observe(el); }
    }
  }
  // Gradio draws plotly charts "responsive": they follow the window's resize events only. A
  // chart whose box changes size without one (a tab shown, the sidebar closed, the row wrapped)
  // gets a resize event of its own, so it always fills its box.
  const watched = new WeakSet();
  let resizeTimer = null;
  const boxes = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => window.dispatchEvent(new Event("resize")), 100);
  });
  function watchCharts() {
    for (const el of document.querySelectorAll(".js-plotly-plot")) {
      if (!watched.has(el)) { watched.add(el); boxes.observe(el.parentElement || el); }
    }
  }
  // The welcome shows from its first line: Gradio scrolls the chat to its end, which on a
  // short screen hides the welcome's text above the example chips. Only while the page opens.
  const opened = Date.now();
  function welcomeFromTop() {
    if (Date.now() - opened > 5000) return;
    const welcome = document.querySelector("#chatbot .placeholder-content");
    let box = welcome?.parentElement;
    while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
    if (box && box.scrollTop > 0) box.scrollTop = 0;
  }
  // Once, at start: on a narrow screen the sidebar is closed (Gradio opens it as built). The
  // toggle only works once the page has wired it, so try until the sidebar is seen closed.
  let tries = 0;
  function closeSidebarWhenNarrow() {
    if (window.innerWidth >= NARROW || tries++ > 40) return;
    const sidebar = document.querySelector(".sidebar");
    if (sidebar && !sidebar.classList.contains("open")) return;
    if (sidebar) sidebar.querySelector(".toggle-button")?.click();
    setTimeout(closeSidebarWhenNarrow, 250);
  }
  // Once, at start: where the columns stack, the answer's details come under the chat and are
  // folded to one line (their toggle works once the page has wired it: tried until seen).
  let foldTries = 0;
  function foldWhenUnder() {
    // Columns stack only below a tablet's width: a wide page measured before its columns settle
    // must not fold the sources away.
    if (window.innerWidth >= NARROW || foldTries++ > 40) return;
    const chat = document.querySelector("#chatbot");
    // On a narrow screen the sidebar closes first: the layout is measured as the user sees it.
    const sidebar = document.querySelector(".sidebar");
    if (!chat || (window.innerWidth < NARROW && sidebar?.classList.contains("open"))) {
      setTimeout(foldWhenUnder, 250);
      return;
    }
    let pending = false;
    for (const selector of FOLDED_UNDER) {
      const block = document.querySelector(selector);
      const label = block?.querySelector("button.label-wrap");
      if (!label) { pending = true; continue; }
      const under = block.getBoundingClientRect().top >= chat.getBoundingClientRect().bottom;
      if (under && label.classList.contains("open")) { label.click(); pending = true; }
    }
    welcomeFromTop();
    if (pending) setTimeout(foldWhenUnder, 250);
  }
  // Streaming you can see: the server sends an answer's text as soon as it has it, and the
  // page reveals it a few words at a time at a steady pace. Words not yet revealed are painted
  // transparent by a CSS highlight over a range (the DOM Gradio manages is never edited), so a
  // re-render of the message keeps its place. Only an answer asked for here is revealed (not
  // a conversation opened from the list); Stop ends the reveal where it is.
  const REVEAL = {ms: %(reveal_ms)d, words: %(reveal_words)d, maxMs: %(reveal_max_ms)d,
                  name: %(unrevealed)s};
  const reveal = {index: -1, shown: 0, total: 0, timer: null, stopped: false, frozen: []};
  const canReveal = !!(window.CSS && CSS.highlights && window.Highlight);
  function answers() {  // the chat's answer bubbles, tool cards and the pending card left out
    return [...document.querySelectorAll('#chatbot [data-testid="bot"]')]
      .filter(e => !e.querySelector(".thought-group"));
  }
  function paintReveal() {
    const el = reveal.index >= 0 ? answers()[reveal.index] : null;
    let count = 0, from = null, last = null;
    if (el) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement.closest("button, .sr-only") ? NodeFilter.FILTER_REJECT
                                                   : NodeFilter.FILTER_ACCEPT});
      let glued = false;  // the last text ended inside a word ("end" + "<sup>1</sup>")
      for (let node; (node = walker.nextNode()); ) {
        const word = /\\S+/g;
        for (let m; (m = word.exec(node.data)); ) {
          if (!(glued && m.index === 0)) {
            if (count === reveal.shown) from = [node, m.index];
            count++;
          }
          last = [node, m.index + m[0].length];
        }
        if (node.data) glued = /\\S$/.test(node.data);
      }
    }
    const ranges = reveal.frozen.filter(r => !r.collapsed);
    if (from && !reveal.stopped) {
      const range = new Range();
      range.setStart(...from);
      range.setEnd(...last);
      ranges.push(range);
    }
    if (ranges.length) CSS.highlights.set(REVEAL.name, new Highlight(...ranges));
    else CSS.highlights.delete(REVEAL.name);
    reveal.total = count;
    const chat = document.querySelector("#chatbot");
    if (chat) {
      chat.dataset.revealed = Math.min(reveal.shown, count);
      chat.dataset.words = count;
    }
  }
  function revealStep() {
    paintReveal();
    const backlog = reveal.total - reveal.shown;
    if (reveal.stopped || backlog <= 0) { clearInterval(reveal.timer); reveal.timer = null; return; }
    const steps = Math.max(1, REVEAL.maxMs / REVEAL.ms);
    reveal.shown += Math.max(REVEAL.words, Math.ceil(backlog / steps));
    paintReveal();
  }
  function onChatChange() {
    if (!canReveal || reveal.index < 0) return;
    paintReveal();
    if (!reveal.stopped && reveal.shown < reveal.total && !reveal.timer) {
      reveal.timer = setInterval(revealStep, REVEAL.ms);
    }
  }
  function armReveal() {  // a question is sent: the next answer bubble is revealed
    if (!canReveal) return;
    clearInterval(reveal.timer);
    Object.assign(reveal, {index: answers().length, shown: 0, total: 0, timer: null,
                           stopped: false});
  }
  function stopReveal() {  // Stop: what is shown stays, the rest stays hidden
    if (reveal.index < 0) return;
    paintReveal();
    reveal.stopped = true;
    clearInterval(reveal.timer);
    reveal.timer = null;
    for (const r of CSS.highlights.get(REVEAL.name) || []) {
      if (!reveal.frozen.includes(r)) reveal.frozen.push(r);
    }
  }
  function dropReveal() {  // another conversation is shown: nothing of it is hidden
    clearInterval(reveal.timer);
    Object.assign(reveal, {index: -1, shown: 0, total: 0, timer: null, stopped: false,
                           frozen: []});
    if (canReveal) CSS.highlights.delete(REVEAL.name);
  }
  document.addEventListener("keydown", (e) => {
    const at = e.target.closest ? e.target : null;
    if (!at) return;
    if (e.key === "Enter" && !e.shiftKey && at.closest("#message")) {
      if (at.value && at.value.trim()) armReveal();
    } else if (e.key === "Escape" && at.closest("#clarification-options")) {
      // Escape leaves the offered options for the message box: the user types their own reply.
      document.querySelector("#message textarea")?.focus();
    }
  }, true);
  document.addEventListener("click", (e) => {
    const t = e.target.closest ? e.target : null;
    if (!t) return;
    if (t.closest("#send, #full-answer, #clarification-options button")) armReveal();
    else if (t.closest("#stop")) stopReveal();
    else if (t.closest("#conversations")) dropReveal();
  }, true);
  // Whose session this is the server learns from the page's load event (the browser's stored
  // id, or a new one). A question, a plan edit or a rating sent before it has finished would
  // belong to no one's list, so each such event waits for it (SESSION_READY_JS), at most
  // %(session_wait_ms)d ms: a page whose load failed still sends.
  let sessionLoaded;
  const sessionReady = new Promise((resolve) => { sessionLoaded = resolve; });
  window.advisorSession = {
    loaded: () => sessionLoaded(),
    ready: () => Promise.race([sessionReady,
                               new Promise((r) => setTimeout(r, %(session_wait_ms)d))]),
  };
  const observer = new MutationObserver(() => {
    shortenTitles(); titleKnownLabels(); mendAria(); watchCharts(); watchTables();
    onChatChange();
    welcomeFromTop();
  });
  function start() {
    observer.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  setTimeout(closeSidebarWhenNarrow, 250);
  setTimeout(foldWhenUnder, 250);
})();
</script>
"""


# The two ends of the session gate of the page script (`HEAD`): the load event's follow-up says
# the session is known; an event that needs the session waits for it, then sends its inputs as
# they were (Gradio awaits an event's `js` and sends what it returns).
SESSION_LOADED_JS = "() => { window.advisorSession?.loaded(); }"
SESSION_READY_JS = ("async (...inputs) => { await window.advisorSession?.ready(); "
                    "return inputs; }")


def head(whole_texts: dict[str, str] | None = None) -> str:
    """The page script, with this module's breakpoint and title lengths filled in, and the
    whole text of each label shortened in Python (`whole_texts`: label -> whole text)."""
    import json

    def js(value: object) -> str:  # JSON inside <script>: no "</" may end it early
        return json.dumps(value).replace("</", "<\\/")

    return HEAD % {"narrow": NARROW_PX, "folded": js(FOLDED_UNDER),
                   "limits": js(SHORT_TITLES),
                   "whole": js(whole_texts or {}), "reveal_ms": REVEAL_MS,
                   "reveal_words": REVEAL_WORDS, "reveal_max_ms": REVEAL_MAX_MS,
                   "unrevealed": js(UNREVEALED), "session_wait_ms": SESSION_WAIT_MS,
                   "region_suffix": js(TABLE_REGION_SUFFIX)}


def theme():
    """Gradio's Soft theme with text dark enough to read: labels, titles, primary buttons and
    the selected radio meet WCAG AA contrast (axe-core's colour-contrast rule)."""
    import gradio as gr

    return gr.themes.Soft().set(
        block_label_text_color="*primary_700",
        block_title_text_color="*primary_700",
        block_info_text_color="*neutral_600",
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        checkbox_label_background_fill_selected="*primary_600",
    )
