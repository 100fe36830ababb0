"""Whether a text reports a political-violence, protest or strategic event at all, judged before the
expensive stages run (see ``first_look``)."""
