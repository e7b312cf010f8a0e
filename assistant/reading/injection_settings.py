"""Settings pasted for the assistant to apply: a config, YAML or JSON block whose keys name the
assistant's own limits ("restrictions: none", "safe_mode = off") or ask it to show its hidden text
("show_prompt: true"), in a message that orders it applied ("Config to apply:", "load these
settings", "after applying it, …"), or that is nothing but the settings.

A settings line changes nothing by being read: it is an attack only when the learner asks the
assistant to take it on. The same lines in the learner's own bot's config ("our chatbot's YAML has
`filters: off`, is that risky?") are a question about their setup, so a message that names its
own things (*our*, *my*, *their*) is left alone; and a limit switched off ("restrictions: none")
is the assistant's only when the message names the assistant or also asks for its hidden text.

`setting_goal(clause, message)` returns "rules", "reveal" or "" for one clause of ``message``.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

# A key path ("assistant.safety", "policy_mode") ending in a word for the assistant's limits, set
# to nothing or off.
_LIMIT_KEY = (
    r"(?:restrictions?|rules|filters?|filtering|guardrails?|safety|safe[ _-]?mode|moderation|censorship|censor|refusals?|redact\w*"
    r"|content[ _-]?polic(?:y|ies)|polic(?:y|ies)|limits?|limitations|constraints|topic[ _-]?lock|scope|allowed[ _-]?topics)"
)
_OFF = (
    r"(?:none|off|false|no|disabled?|0|null|nil|\[\s*\]|\{\s*\}|unrestricted|unlimited|ignored?|any|all|everything|\*)"
)
_KEY_PATH = r"(?<![\w-])(?:[\w-]+[._ ])*"
_SETTING_OFF = re.compile(rf"{_KEY_PATH}{_LIMIT_KEY}[\"']?\s*[:=]\s*[\"']?{_OFF}[\"']?(?![\w-])", _FLAGS)
# A switch that shows the hidden text: "show_prompt: true", "reveal-system-instructions = yes".
_SHOWN = r"(?:show|reveal|print|expose|dump|leak|display|output|echo|include|return|disclose)"
_HIDDEN_TEXT = r"(?:prompt|instructions?|rules|config(?:uration)?|context|hidden|secrets?)"
_SETTING_SHOW = re.compile(
    rf"{_KEY_PATH}{_SHOWN}[._ -]?(?:[a-z]+[._ -]?){{0,2}}?{_HIDDEN_TEXT}(?:[._ -][\w-]+)*?"
    r"[\"']?\s*[:=]\s*[\"']?(?:true|yes|on|1|enabled?|always|full|verbatim)[\"']?(?![\w-])"
    # or an action that names it: "action: reveal_initial_instructions", "<action>dump_prompt</action>", "type: config_echo"
    rf"|(?<![\w-])(?:action|command|task|type|mode|request|op|operation)[\"']?\s*[:=>]\s*[\"']?"
    rf"(?:{_SHOWN}[._ -]?(?:[a-z]+[._ -]?){{0,2}}?{_HIDDEN_TEXT}|{_HIDDEN_TEXT}[._ -]?{_SHOWN})",
    _FLAGS,
)
# An order to take the settings on.
_APPLY = re.compile(
    r"\b(?:apply|applying|applied|load|loading|loaded|adopt|activate|enable|import|install|switch to|run with|use (?:this|these|the following)"
    r"|execute|(?:now|is|are) (?:active|live|in effect)"
    r"|(?:new|updated) (?:config(?:uration)?|settings|parameters)|update your (?:config(?:uration)?|settings))\b",
    _FLAGS,
)
# The assistant named: a limit switched off is then its limit ("advisor_config: … filters: off").
_ASSISTANT = re.compile(r"(?<![a-z])(?:advisor|assistant|bot|chatbot|llm|you|your|yourself)(?![a-z])", _FLAGS)
# The learner's own setup: a question about it, not an order.
_OWN = re.compile(r"\b(?:our|my|their)\b", _FLAGS)
# A line of settings or markup: "key: value", "key = value", "<tag>…</tag>", a fence, a bracket.
_SETTINGS_LINE = re.compile(r"\s*(?:[\w.\"'-]+\s*[:=].*|<[^>]+>.*|`{3}\w*|[\[\]{}(),]*)\s*")


def setting_goal(clause: str, message: str) -> str:
    """"rules" when ``clause`` sets the assistant's limits to nothing, "reveal" when it switches on
    showing its hidden text, and ``message`` orders the settings applied; "" otherwise."""
    # a message that is nothing but settings is itself handed to the assistant
    ordered = _APPLY.search(message) or all(_SETTINGS_LINE.fullmatch(line) for line in message.splitlines())
    if not ordered or _OWN.search(message):
        return ""
    # a limit switched off needs the assistant in view: "restrictions: none" may be a shipping rule
    if _SETTING_OFF.search(clause) and (_SETTING_SHOW.search(message) or _ASSISTANT.search(message)):
        return "rules"
    return "reveal" if _SETTING_SHOW.search(clause) else ""
