"""The sentences each calculator's result is told in.

Template sentences filled only with a tool's inputs and outputs, so they are grounded by
construction. One function per tool, referenced from that tool's spec in tools/registry.py:
adding a calculator adds its describe function there, nothing elsewhere.
"""

from __future__ import annotations

from typing import Any

Args = dict[str, Any]


def fmt(value: float | None, money: bool = False, decimals: int = 2) -> str:
    if value is None:
        return "n/a"
    if money:
        return f"${value:,.0f}" if abs(value - round(value)) < 1e-9 else f"${value:,.2f}"
    if abs(value - round(value)) < 1e-9:
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def roi(args: Args, r: Args) -> list[str]:
    return [f"ROI = (gain − cost) / cost × 100 = ({fmt(args['gain'], True)} − {fmt(args['cost'], True)}) / "
            f"{fmt(args['cost'], True)} × 100 = {fmt(r['roi_pct'])}%.",
            f"The net return is {fmt(r['net_return'], True)}."]


def payback(args: Args, r: Args) -> list[str]:
    if not r.get("pays_back"):
        return [r.get("message", "The investment never pays back at this monthly benefit.")]
    return [f"Payback period = upfront cost / monthly benefit = {fmt(args['upfront_cost'], True)} / "
            f"{fmt(args['monthly_benefit'], True)} = {fmt(r['months'])} months."]


def npv(args: Args, r: Args) -> list[str]:
    flows = ", ".join(fmt(v, True) for v in args["cash_flows"])
    return [f"NPV at {fmt(args['rate'] * 100)}% per period of the cash flows {flows} = {fmt(r['npv'], True)}."]


def irr(args: Args, r: Args) -> list[str]:
    flows = ", ".join(fmt(v, True) for v in args["cash_flows"])
    if r.get("irr_pct") is None:
        return [r.get("message", "These cash flows have no internal rate of return.")]
    return [f"IRR of the cash flows {flows} = {fmt(r['irr_pct'])}% per period."]


def rice(args: Args, r: Args) -> list[str]:
    return [f"RICE score = reach × impact × confidence / effort = {fmt(args['reach'])} × {fmt(args['impact'])} × "
            f"{fmt(args['confidence'])} / {fmt(args['effort'])} = {fmt(r['score'])}."]


def ice(args: Args, r: Args) -> list[str]:
    return [f"ICE score ({r.get('convention', 'product')}) for impact {fmt(args['impact'])}, confidence "
            f"{fmt(args['confidence'])} and ease {fmt(args['ease'])} = {fmt(r['score'])}."]


def prioritize(args: Args, r: Args) -> list[str]:
    lines = [f"Ranking by {r['method'].upper()} ({r['formula']}):"]
    for item in r["ranking"]:
        lines.append(f"{item['rank']}. {item['name']}: score {fmt(item['score'])}, {item['quadrant']}, {item['horizon']}.")
    lines.append(f"Ties: {r['tie_rule']}")
    return lines


def ab_test(args: Args, r: Args) -> list[str]:
    verdict = "statistically significant" if r["significant"] else "not statistically significant"
    return [f"Control converts at {fmt(r['control_rate'] * 100)}% and the variant at {fmt(r['variant_rate'] * 100)}%, "
            f"a relative lift of {fmt(r['lift_pct'])}%.",
            f"z = {fmt(r['z'], decimals=3)}, p = {fmt(r['p_value'], decimals=4)}: the difference is {verdict} "
            f"at alpha {fmt(args.get('alpha', 0.05))}."]


def sample_size(args: Args, r: Args) -> list[str]:
    method = r.get("method", "normal approximation").split(":")[0]
    return [f"You need about {fmt(r['n_per_group'])} visitors per group, {fmt(r['total'])} in total "
            f"(baseline {fmt(r['baseline_rate'] * 100)}%, target {fmt(r['target_rate'] * 100)}%; {method})."]


def clv(args: Args, r: Args) -> list[str]:
    formula = r["formula"].replace("_", " ")
    return [f"CLV ({r['basis']}-based: {formula}) = {fmt(r['clv'], True)}."]


def tco(args: Args, r: Args) -> list[str]:
    return [f"TCO over {fmt(args.get('horizon_years', 1))} year(s) = one-time {fmt(r['one_time'], True)} + "
            f"recurring {fmt(r['recurring_total'], True)} = {fmt(r['total'], True)}."]


def smart_check(args: Args, r: Args) -> list[str]:
    found = []
    for element in ("specific", "measurable", "time_bound"):
        info = r.get(element) or {}
        if info.get("present"):
            found.append(f"{element.replace('_', '-')} ({', '.join(info.get('found', []))})")
    lines = [f"SMART check of your goal: {'; '.join(found) if found else 'no SMART element found'}."]
    if r.get("missing"):
        lines.append(f"Missing: {', '.join(m.replace('_', '-') for m in r['missing'])}; suggested rewrite: {r.get('suggested_rewrite', '')}")
    if r.get("achievable"):
        lines.append(f"To check yourself: {r['achievable']}")
    return lines


def kpi_suggest(args: Args, r: Args) -> list[str]:
    lines = []
    for entry_kind, label in (("kpis", "KPIs"), ("leading", "Leading indicators"), ("lagging", "Lagging indicators")):
        metrics = [e["metric"] for e in r.get(entry_kind, [])]
        if metrics:
            apps = sorted({e["application"] for e in r.get(entry_kind, [])})
            lines.append(f"{label} for {', '.join(apps)}: {', '.join(metrics)}.")
    goal_rows = r.get("goal_metric_applications") or []
    if goal_rows and args.get("goal_metric"):
        names = [row["application"] for row in goal_rows]
        lines.append(f"Applications the course links to {args['goal_metric']}: {', '.join(names)}.")
    if not lines:
        lines.append(r.get("message", ""))
    return [line for line in lines if line]


def hitl_check(args: Args, r: Args) -> list[str]:
    if not r.get("review_required"):
        policy = "; ".join(a for a in r.get("assumptions", []) if a.startswith("policy")) or "the configured thresholds"
        return [f"Human review is not required for this {args.get('action', 'action')} under {policy}."]
    return [f"Human review is required: {r.get('recommendation', '')}."]
