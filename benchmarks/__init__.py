"""
Benchmarks and the evaluation floors; a package so that tests share its floor list.
"""
