"""The "What learners ask" chart: questions per course section and week, as an interactive
plotly figure shown by `gr.Plot` (hover names the section, the week and the count).

Drawn from `ui.insights.by_section` rows, so the chart and the "Questions per section" table
cannot disagree. One stacked bar per week, one colour per section; the figure has no fixed
width, it follows its box.
"""

from __future__ import annotations

def questions_chart(rows: list[list]):
    """A plotly figure of [week, section, questions] rows (a hint when there are none)."""
    import plotly.graph_objects as go

    figure = go.Figure()
    figure.update_layout(
        # No title of its own: the Plot component's label names the chart (two would overlap).
        autosize=True, height=420, barmode="stack", margin={"l": 56, "r": 16, "t": 24, "b": 40},
        xaxis_title="Week", yaxis_title="Questions", plot_bgcolor="white",
        paper_bgcolor="white", showlegend=True, legend={"orientation": "h", "yanchor": "top", "y": -0.18,
                                       "title": {"text": "Section"}},
    )
    if not rows:
        figure.add_annotation(text="No questions in this period", showarrow=False,
                              xref="paper", yref="paper", x=0.5, y=0.5)
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure
    weeks = sorted({str(week) for week, _, _ in rows})
    totals: dict[str, int] = {}
    for _, section, n in rows:
        totals[section] = totals.get(section, 0) + int(n)
    # The most asked-about section first (at the bottom of each bar and first in the legend).
    for section in sorted(totals, key=lambda s: (-totals[s], s)):
        counts = {str(week): int(n) for week, name, n in rows if name == section}
        figure.add_trace(go.Bar(
            x=weeks, y=[counts.get(week, 0) for week in weeks], name=section,
            hovertemplate="<b>%{fullData.name}</b><br>week %{x}: %{y} question(s)<extra></extra>",
        ))
    figure.update_xaxes(type="category", gridcolor="#eee")
    # Whole questions only: a tick every 1, 2, … so that no tick reads as half a question.
    tallest = max(sum(int(n) for week_, _, n in rows if str(week_) == week) for week in weeks)
    figure.update_yaxes(rangemode="tozero", gridcolor="#eee", tick0=0,
                        dtick=max(1, -(-tallest // 8)))
    return figure
