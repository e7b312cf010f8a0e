"""Joins the v12 sets to tests/test_independent_sets.py (after their held-out opening at the end of stop 38)."""
import re
p = "/work/main/tests/test_independent_sets.py"
s = open(p).read()
s = s.replace('''    "backyard-stargazing": DEV / "modules" / "backyard-stargazing.tex",
}''', '''    "backyard-stargazing": DEV / "modules" / "backyard-stargazing.tex",
    # v12 (stop 38): an EPUB 3 e-book, written blind
    "rainwater-harvesting": DEV / "modules" / "rainwater-harvesting.epub",
}''')
s = s.replace('''DEV / "conversations_v11_promo.yaml", DEV / "conversations_v11_stars.yaml", DEV / "conversations_m6_v11.yaml"]''',
              '''DEV / "conversations_v11_promo.yaml", DEV / "conversations_v11_stars.yaml", DEV / "conversations_m6_v11.yaml",
                 DEV / "conversations_v12_rain.yaml", DEV / "conversations_m6_v12.yaml"]''')
s = s.replace('''DEV / "offtopic_v11_promo.yaml", DEV / "offtopic_v11_stars.yaml", DEV / "offtopic_m6_v11.yaml"]''',
              '''DEV / "offtopic_v11_promo.yaml", DEV / "offtopic_v11_stars.yaml", DEV / "offtopic_m6_v11.yaml",
            DEV / "offtopic_v12_rain.yaml", DEV / "offtopic_m6_v12.yaml"]''')
s = re.sub(r'UNOPENED: tuple\[str, \.\.\.\] = \("v12",\).*',
           'UNOPENED: tuple[str, ...] = ("v13",)  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34, v9 at the end of stop 35, v10 at the end of stop 36, v11 at the end of stop 37, v12 at the end of stop 38; v13 written blind in stop 39 (opened at its end)', s)
s = s.replace('''    "backyard-stargazing": (0.49, 0.65),  # stop 37, v11 LaTeX notes: 53% / 69%
}''', '''    "backyard-stargazing": (0.49, 0.65),  # stop 37, v11 LaTeX notes: 53% / 69%
    "rainwater-harvesting": (0.70, 0.55),  # stop 38, v12 EPUB e-book: 74% / 59% (14/19 / 17/29)
}''')
s = s.replace('''MAX_WRONG_FIGURES = 73''', '''# Stop 38's opening of v12: 11 held-out single and 2 held-out dialogue wrong figures; with them the
# ceiling is 86 until the v12 sets are measured with the rest at this stop's start.
MAX_WRONG_FIGURES = 86''')
s = s.replace('''CALC_FLOORS = {"singles"''', '''# Stop 38 (v12 joined at the start of stop 39): the v12 singles 60/76 / 48/94 and dialogues 15/20 /
# 8/24 at their opening.
CALC_FLOORS = {"singles"''')
assert s.count("v12") >= 10, s.count("v12")
open(p, "w").write(s)
