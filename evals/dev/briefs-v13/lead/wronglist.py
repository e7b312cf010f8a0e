"""Wrong figures per entry on every calculator set in make test (CALC_SETS), and the rates per half."""
import sys, tempfile, json
from pathlib import Path
sys.path.insert(0, ".")
from tests.test_independent_sets import CALC_SETS
from evals import calcsets
from assistant.engine import Advisor
from assistant.settings import Settings
from knowledge.index import CourseIndex
settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="wl-")))
CourseIndex(settings).ingest(list(settings.corpus_paths))
adv = Advisor(settings); adv.warm_up()
out = calcsets.run_sets(CALC_SETS, adv)
wrong = {o.entry["id"]: o.wrong_figures for o in out if o.wrong_figures}
for kind in ("singles", "dialogues"):
    for h in ("tune", "held-out"):
        part = [o for o in out if ("turns" in o.entry) == (kind == "dialogues") and o.half == h]
        print(kind, h, f"{sum(o.right for o in part)}/{len(part)} = {sum(o.right for o in part)/len(part):.3f}")
print("wrong in all", sum(wrong.values()), "tune singles", sum(o.wrong_figures for o in out if "turns" not in o.entry and o.half == "tune"))
json.dump(wrong, open(sys.argv[1], "w"), indent=0)
