"""Retrieval overhead: CourseRetriever.search against a bare encode + Chroma query (the floor).

The floor is what any retriever over this collection must pay: ``model.encode(query)`` and one
``collection.query`` for the same k. Our search adds the candidate pool, the kind filter, BM25
and fusion (hybrid) or just the filter (dense). Goal: ours ≤ 1.2× the floor.
"""

from __future__ import annotations

from bench.measure import interleave, ratio, summary_ms
from bench.workload import prepare_index, retrieval_questions

GOAL = 1.2


def run(repeats: int = 5) -> dict:
    from knowledge.embeddings import load_model
    from knowledge.retrieve import CourseRetriever

    settings = prepare_index()
    retriever = CourseRetriever(settings)
    model = load_model(str(settings.resolved_embedding_model()))
    collection = retriever.index.collection()
    k = settings.top_k
    questions = retrieval_questions()

    def floor(q: str):
        return lambda: collection.query(query_embeddings=[model.encode(q).tolist()], n_results=k)

    # Warm everything (model, BM25 index, chunk map, Chroma's HNSW segment) before timing.
    for q in questions[:3]:
        floor(q)()
        retriever.search(q, mode="hybrid")
        retriever.search(q, mode="dense")

    result: dict = {"queries": len(questions), "repeats": repeats, "k": k, "goal_ratio": GOAL}
    for mode in ("hybrid", "dense"):
        pairs = [(floor(q), (lambda q=q, m=mode: retriever.search(q, k=k, mode=m))) for q in questions]
        floor_times, our_times = interleave(pairs, repeats)
        ours, base = summary_ms(our_times), summary_ms(floor_times)
        result[mode] = {
            "ours": ours,
            "floor": base,
            "ratio_p50": ratio(ours["p50_ms"], base["p50_ms"]),
            "ratio_p95": ratio(ours["p95_ms"], base["p95_ms"]),
        }
        result[mode]["meets_goal"] = result[mode]["ratio_p50"] <= GOAL
    return result
