"""The Value-vs-Effort matrix as an interactive chart (plotly, shown by `gr.Plot`).

Everything it draws comes from the prioritize tool's result, so the chart cannot disagree with
the ranking table: each point is coloured by the quadrant the tool gave it, the dashed lines sit
at the tool's thresholds, and the tool's own rule for a point on a line is printed under the
chart. Quadrant names sit in the corners of their regions, above and below the points' range,
so no point hides them; initiative names are shown on hover (with the scores), never as text
beside a point, so no two labels can overlap. The figure has no fixed size: it follows its box.
"""

from __future__ import annotations

from typing import Any

COLOURS = {"quick win": "#2e7d32", "big bet": "#1565c0", "fill-in": "#757575",
           "money pit": "#c62828"}
# Where each quadrant's name goes: (low or high effort side, high or low value side).
CORNERS = {"quick win": ("low", "high"), "big bet": ("high", "high"),
           "fill-in": ("low", "low"), "money pit": ("high", "low")}


def _span(points: list[float], threshold: float) -> tuple[float, float]:
    low, high = min(points + [threshold]), max(points + [threshold])
    pad = (high - low) * 0.12 or max(abs(high) * 0.5, 1.0)
    return low - pad, high + pad


def _rule_with_numbers(result: dict[str, Any]) -> str:
    """The tool's quadrant rule with the thresholds' values in place of their names."""
    return (result["quadrant_rule"]
            .replace("value_threshold", f"{float(result['value_threshold']):.4g}")
            .replace("effort_threshold", f"{float(result['effort_threshold']):.4g}"))


def matrix_chart(result: dict[str, Any] | None):
    """A plotly figure of the ranking's points, thresholds and quadrants (a hint when empty)."""
    import plotly.graph_objects as go

    figure = go.Figure()
    figure.update_layout(
        # No title of its own: the Plot component's label names the chart (two would overlap).
        autosize=True, height=460, margin={"l": 56, "r": 16, "t": 40, "b": 130},
        xaxis_title="Effort", yaxis_title="Value", showlegend=False,
        plot_bgcolor="white", paper_bgcolor="white",
    )
    if not result:
        figure.add_annotation(text="Add initiatives to see the matrix", showarrow=False,
                              xref="paper", yref="paper", x=0.5, y=0.5)
        return figure
    rows = result["ranking"]
    vt, et = float(result["value_threshold"]), float(result["effort_threshold"])
    efforts = [float(r["effort"]) for r in rows]
    values = [float(r["value"]) for r in rows]
    x_low, x_high = _span(efforts, et)
    y_low, y_high = _span(values, vt)
    # Headroom above and below the points for the quadrant names.
    room = (y_high - y_low) * 0.14
    y_low, y_high = y_low - room, y_high + room
    figure.add_trace(go.Scatter(
        x=efforts, y=values, mode="markers+text",
        text=[str(r["rank"]) for r in rows], textposition="middle center",
        textfont={"color": "white", "size": 11},
        marker={"size": 22, "color": [COLOURS[r["quadrant"]] for r in rows],
                "line": {"width": 1, "color": "white"}},
        customdata=[[r["name"], r["rank"], r["score"], r["quadrant"]] for r in rows],
        hovertemplate=("<b>%{customdata[0]}</b><br>rank %{customdata[1]} · score "
                       "%{customdata[2]:,.4g}<br>value %{y:.4g} · effort %{x:.4g}<br>"
                       "%{customdata[3]}<extra></extra>"),
        name="initiatives",
    ))
    line = {"color": "#555", "dash": "dash", "width": 1}
    figure.add_shape(type="line", x0=et, x1=et, y0=y_low, y1=y_high, line=line, name="effort")
    figure.add_shape(type="line", x0=x_low, x1=x_high, y0=vt, y1=vt, line=line, name="value")
    for quadrant, (side, level) in CORNERS.items():
        figure.add_annotation(
            text=quadrant.capitalize() + "s", showarrow=False, font={"size": 12,
                                                                     "color": COLOURS[quadrant]},
            x=x_low if side == "low" else x_high, xanchor="left" if side == "low" else "right",
            y=y_high if level == "high" else y_low, yanchor="top" if level == "high" else "bottom",
            name=f"quadrant:{quadrant}",
        )
    figure.add_annotation(
        # One clause a line: a phone-wide chart shows the whole rule, with the lines' numbers.
        text="Quadrant rule:<br>" + "<br>".join(
            part.strip() for part in _rule_with_numbers(result).split(". ")[0].split(";")),
        showarrow=False, xref="paper", yref="paper", x=0, y=-0.22, xanchor="left", yanchor="top",
        font={"size": 11, "color": "#444"}, name="rule",
    )
    figure.update_xaxes(range=[x_low, x_high], zeroline=False, gridcolor="#eee")
    figure.update_yaxes(range=[y_low, y_high], zeroline=False, gridcolor="#eee")
    return figure
