"""`advisor eval`: run eval cases through the Advisor, print the results, gate on thresholds.

Exit status: 0 all cases pass and every gated metric meets its threshold; 1 the gate failed;
2 the cases file or an option is invalid; 3 the engine or the index is unavailable.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from evals.cases import DEFAULT_CASES, CasesError, GateThresholds

THRESHOLD_FLAGS = {
    "min_faithfulness": "faithfulness",
    "min_citation_validity": "citation_validity",
    "min_citation_support": "citation_support",
    "min_numeric_fidelity": "numeric_fidelity",
    "min_refusal_accuracy": "refusal_accuracy",
    "min_recall": "recall_at_k",
}


def _threshold_options(command):
    for flag, name in reversed(THRESHOLD_FLAGS.items()):
        command = click.option(
            f"--{flag.replace('_', '-')}",
            flag,
            type=click.FloatRange(0, 1),
            default=None,
            help=f"Gate on {name.replace('_', ' ')} (overrides the cases file).",
        )(command)
    return command


@click.command("eval")
@click.argument("cases", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--llm",
    type=click.Choice(["offline", "openai", "ollama", "llamacpp"]),
    default=None,
    help="Engine to evaluate (default: the configured one, offline out of the box).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write a readable report: out.html or out.md.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the full results as JSON instead of the table."
)
@click.option(
    "--case",
    "only",
    multiple=True,
    metavar="ID",
    help="Run only cases whose id contains ID (repeatable).",
)
@_threshold_options
@click.pass_context
def eval_command(ctx, cases, llm, report_path, as_json, only, **flags) -> None:
    """Run eval CASES files (default: the bundled course suite) and gate on the metrics.

    Prints one line per case with its assertions under it, then the aggregate metrics. Exits 0
    when every case passes (xfail cases aside) and every gated metric meets its threshold, 1
    when not, 2 for an invalid cases file, 3 when the engine or the index is unavailable.
    """
    from evals.cases import load_suites

    if report_path is not None and report_path.suffix.lower() not in {".html", ".htm", ".md"}:
        raise click.BadParameter("the report must end in .html or .md", param_hint="--report")
    try:
        suite = load_suites(list(cases) or [DEFAULT_CASES])
    except CasesError as exc:
        click.echo(
            "error: invalid cases file\n" + "\n".join(f"  {p}" for p in exc.problems), err=True
        )
        sys.exit(2)
    if only:
        suite.cases = [c for c in suite.cases if any(pattern in c.id for pattern in only)]
        if not suite.cases:
            click.echo(f"error: no case id contains {' or '.join(only)}", err=True)
            sys.exit(2)
    overrides = {THRESHOLD_FLAGS[k]: v for k, v in flags.items() if v is not None}
    thresholds = GateThresholds(**{**suite.thresholds.model_dump(), **overrides})

    # A caller (tests, a notebook) may hand in a loaded Advisor as ctx.obj["advisor"].
    advisor = (ctx.obj or {}).get("advisor") if isinstance(ctx.obj, dict) else None
    report = _run(suite, llm, thresholds, advisor)

    from evals import report as render

    click.echo(render.to_json(report) if as_json else render.text_table(report))
    if report_path is not None:
        fmt = "md" if report_path.suffix.lower() == ".md" else "html"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(render.render(report, fmt), encoding="utf-8")
        click.echo(f"report written to {report_path}", err=True)
    sys.exit(0 if report.passed else 1)


def _run(suite, llm, thresholds, advisor=None):
    from tqdm import tqdm

    from assistant.engine import Advisor
    from assistant.errors import SetupError
    from assistant.settings import get_settings
    from evals.runner import run_suite

    advisor = advisor or Advisor(get_settings(), llm=llm)
    bar = tqdm(total=len(suite.cases), desc="eval", unit="case", file=sys.stderr, disable=None)

    def progress(outcome) -> None:
        bar.set_postfix_str(outcome.id[:30])
        bar.update()

    try:
        return run_suite(suite, advisor, thresholds, on_case=progress)
    except SetupError as exc:  # the operator fixes the setup (LLM, index, database)
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    finally:
        bar.close()
