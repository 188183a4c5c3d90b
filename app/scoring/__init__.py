"""Scoring engines (Qt-free, no database): the national fitness standard first.

``fitness_standard`` loads and indexes the reference tables once; ``fitness_score`` scores a
student's year; ``run_time`` reads and writes ``m'ss`` times; ``fitness_ranges`` holds the national
import ranges.
"""
