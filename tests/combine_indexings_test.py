#!/usr/bin/env python3
"""The rules by which corpus/indexing/combine.py turns editors' judgments into the corpus's
subject indexing (corpus/indexing/README.md): the majority of the indexings, a concept judged
again, and the pairs split by one vote decided by their adjudications. Synthetic judgments, so
that each rule is tested on its own; the corpus's own files are checked by the corpus_indexing test."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'corpus', 'indexing'))
import combine  # noqa: E402


def seven(votes):
    """Seven indexings of text 'w/a' in which concept c is given by votes[c] of them."""
    return {str(i): {'w/a': [c for c, n in votes.items() if i < n]} for i in range(7)}


class CombineTest(unittest.TestCase):
    def test_majority_is_four_of_seven(self):
        ix = seven({'four': 4, 'three': 3, 'seven': 7})
        self.assertEqual(sorted(combine.majority(ix, {}, [])['w/a']), ['four', 'seven'])

    def test_contested_pairs_are_those_split_by_one_vote(self):
        ix = seven({'four': 4, 'three': 3, 'five': 5, 'two': 2})
        self.assertEqual(combine.contested(ix, {}), [('w/a', 'four'), ('w/a', 'three')])

    def test_a_rejudged_concept_is_not_contested_where_it_was_rejudged(self):
        ix = seven({'four': 4, 'three': 3})
        self.assertEqual(combine.contested(ix, {'four': [{'w/a': True}]}), [('w/a', 'three')])

    def test_adjudications_decide_contested_pairs_by_their_own_majority(self):
        ix = seven({'four': 4, 'three': 3, 'seven': 7})
        yes = lambda *v: [{('w/a', 'four'): v[i][0], ('w/a', 'three'): v[i][1]} for i in range(len(v))]
        # 2 of 5 say 'four' is about, 3 of 5 say 'three' is
        adj = yes((True, True), (True, True), (False, True), (False, False), (False, False))
        self.assertEqual(sorted(combine.majority(ix, {}, adj)['w/a']), ['seven', 'three'])

    def test_adjudications_do_not_touch_pairs_decided_by_more_than_one_vote(self):
        ix = seven({'five': 5})
        adj = [{('w/a', 'five'): False}] * 5
        self.assertEqual(combine.majority(ix, {}, adj)['w/a'], ['five'])

    def test_without_adjudications_the_vote_stands(self):
        ix = seven({'four': 4})
        self.assertEqual(combine.majority(ix, {}, [])['w/a'], ['four'])


if __name__ == '__main__':
    unittest.main()
