"""The course's own fifteen prompts (8 Suggested/Alternative Questions, 2 Reflective Prompts,
5 Group Discussion Points) answered by the offline engine: specific, cited, grounded."""

from __future__ import annotations


import pytest

from knowledge.parsing import course_prompts

# Sections each prompt is about (substrings); the answer must cite at least one of them.
EXPECTED = {
    "short-term AI win": ["Prioritizing AI Projects"],
    "increasing average order value by 15%": ["Ethical AI Governance"],
    "current data infrastructure": ["Ethical AI Governance", "Prioritizing AI Projects"],
    "AI-powered personalization engine with the SMART goal": ["Mapping AI Applications to KPIs", "Return on Investment", "Defining E-commerce Specific KPIs"],
    "demand forecasting tool": ["Beyond ROI", "Return on Investment", "Analytics Platforms"],
    "human-in-the-loop": ["Human Oversight"],
    "cart abandonment": ["Scaling Successful AI Pilot"],
    "email personalization tool": ["Scaling Successful AI Pilot", "Ethical AI Governance"],
    "trend of hyper-personalization": ["Emerging AI Trends", "Hyper-Personalization"],
    "Generative AI": ["Emerging AI Trends", "Generative AI", "Agile and Adaptive"],
    "readiness": ["Hyper-Personalization", "Emerging AI Trends", "Data Strategy"],
    "ethical dilemmas": ["Generative AI", "Ethical AI Governance", "Emerging AI Trends"],
    "AI-ready culture": ["AI-Ready Culture", "Agile and Adaptive"],
    "modular AI strategy": ["Modular", "Agile and Adaptive"],
    "emerging AI trends": ["Emerging AI Trends", "Agile and Adaptive", "Final Emphasis"],
}
# Tools a prompt's answer must use, where a figure or a table lookup is the heart of it.
EXPECTED_TOOLS = {
    "increasing average order value by 15%": {"prioritize", "kpi_suggest", "smart_check"},
    "AI-powered personalization engine with the SMART goal": {"kpi_suggest"},
    "demand forecasting tool": {"kpi_suggest"},
}


PROMPTS = course_prompts()


def test_the_course_has_fifteen_prompts_and_each_has_expectations():
    assert len(PROMPTS) == 15
    for prompt in PROMPTS:
        assert sum(key.lower() in prompt.lower() for key in EXPECTED) >= 1, prompt


@pytest.mark.parametrize("prompt", PROMPTS, ids=[p[:50] for p in PROMPTS])
def test_offline_engine_answers_course_prompt_specifically_and_groundedly(advisor, prompt):
    result = advisor.ask(prompt, remember=False)
    key = next(k for k in EXPECTED if k.lower() in prompt.lower())
    assert not result.refused
    cited = [c.section for c in result.citations]
    assert any(any(s.lower() in section.lower() for s in EXPECTED[key]) for section in cited), cited
    assert len(result.citations) >= 2
    assert result.grounding.score >= 0.98, [s for s in result.grounding.sentences if not s.supported]
    called = {call.name for call in result.tool_calls}
    assert EXPECTED_TOOLS.get(key, set()) <= called, called
    # every number stated comes from a tool, the prompt itself or a cited passage
    for sentence in result.grounding.sentences:
        assert sentence.supported, sentence
