"""The one text toolkit (knowledge/text.py): one splitter, one stopword list, shared by all."""

from __future__ import annotations

import pytest

from knowledge import chunking, retrieve, text


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ('He said "Stop." Then left.', ['He said "Stop."', "Then left."]),
        ("It is not \u201cset and forget.\u201d Iterate.", ["It is not \u201cset and forget.\u201d", "Iterate."]),
        ("Costs rise, e.g. Hosting. Then fall.", ["Costs rise, e.g. Hosting.", "Then fall."]),
        ("H. Bruce agreed. Dr. Smith too.", ["H. Bruce agreed.", "Dr. Smith too."]),
    ],
)
def test_the_chunker_and_the_answer_splitter_cut_sentences_the_same_way(paragraph, sentences):
    assert text.split_prose(paragraph) == sentences
    assert text.split_sentences(paragraph) == sentences  # the Markdown path, one paragraph
    assert chunking._split_long(paragraph, limit=1) == sentences  # one sentence per piece


def test_retrieval_tokens_drop_the_one_stopword_list_and_keep_hyphenated_words():
    tokens = text.tokenize("What is the A/B-test lift of the chatbot's replies?")
    assert tokens == ["b-test", "lift", "chatbot's", "replies"]
    assert not set(tokens) & text.STOPWORDS
    assert retrieve.tokenize is text.tokenize
