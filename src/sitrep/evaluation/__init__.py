"""Evaluation against labelled data nobody here wrote (../shared/eval)."""
