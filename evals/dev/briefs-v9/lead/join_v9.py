"""Joins the v9 sets to tests/test_independent_sets.py (run after the held-out opening)."""
p = "/work/main/tests/test_independent_sets.py"
s = open(p).read()
s = s.replace('''    "sourdough-basics": DEV / "modules" / "sourdough-basics.pdf",
}''', '''    "sourdough-basics": DEV / "modules" / "sourdough-basics.pdf",
    # v9 (stop 35): a help-centre FAQ in Markdown and a two-column textbook chapter as PDF, written blind
    "packing-shipping-faq": DEV / "modules" / "packing-shipping-faq.md",
    "home-composting": DEV / "modules" / "home-composting.pdf",
}''')
s = s.replace('''DEV / "conversations_v8_stock.yaml", DEV / "conversations_v8_dough.yaml", DEV / "conversations_m6_v8.yaml"]''',
              '''DEV / "conversations_v8_stock.yaml", DEV / "conversations_v8_dough.yaml", DEV / "conversations_m6_v8.yaml",
                 DEV / "conversations_v9_pack.yaml", DEV / "conversations_v9_compost.yaml", DEV / "conversations_m6_v9.yaml"]''')
s = s.replace('''DEV / "offtopic_v8_stock.yaml", DEV / "offtopic_v8_dough.yaml", DEV / "offtopic_m6_v8.yaml"]''',
              '''DEV / "offtopic_v8_stock.yaml", DEV / "offtopic_v8_dough.yaml", DEV / "offtopic_m6_v8.yaml",
            DEV / "offtopic_v9_pack.yaml", DEV / "offtopic_v9_compost.yaml", DEV / "offtopic_m6_v9.yaml"]''')
s = s.replace('UNOPENED: tuple[str, ...] = ("v9",)  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34',
              'UNOPENED: tuple[str, ...] = ()  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34, v9 at the end of stop 35')
assert s.count("v9") >= 8, s.count("v9")
open(p, "w").write(s)
