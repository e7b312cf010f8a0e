"""Joins the v10 sets to tests/test_independent_sets.py (run after the held-out opening)."""
p = "/work/main/tests/test_independent_sets.py"
s = open(p).read()
s = s.replace('''    "home-composting": DEV / "modules" / "home-composting.pdf",
}''', '''    "home-composting": DEV / "modules" / "home-composting.pdf",
    # v10 (stop 36): reStructuredText saved as .txt and a hand-formatted Word document, written blind
    "bike-maintenance": DEV / "modules" / "bike-maintenance.txt",
    "reviews-ratings": DEV / "modules" / "reviews-ratings.docx",
}''')
s = s.replace('''DEV / "conversations_v9_pack.yaml", DEV / "conversations_v9_compost.yaml", DEV / "conversations_m6_v9.yaml"]''',
              '''DEV / "conversations_v9_pack.yaml", DEV / "conversations_v9_compost.yaml", DEV / "conversations_m6_v9.yaml",
                 DEV / "conversations_v10_bike.yaml", DEV / "conversations_v10_reviews.yaml", DEV / "conversations_m6_v10.yaml"]''')
s = s.replace('''DEV / "offtopic_v9_pack.yaml", DEV / "offtopic_v9_compost.yaml", DEV / "offtopic_m6_v9.yaml"]''',
              '''DEV / "offtopic_v9_pack.yaml", DEV / "offtopic_v9_compost.yaml", DEV / "offtopic_m6_v9.yaml",
            DEV / "offtopic_v10_bike.yaml", DEV / "offtopic_v10_reviews.yaml", DEV / "offtopic_m6_v10.yaml"]''')
s = s.replace('UNOPENED: tuple[str, ...] = ("v10",)  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34, v9 at the end of stop 35',
              'UNOPENED: tuple[str, ...] = ()  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34, v9 at the end of stop 35, v10 at the end of stop 36')
assert s.count("v10") >= 8, s.count("v10")
open(p, "w").write(s)
