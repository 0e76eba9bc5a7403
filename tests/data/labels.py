"""The label helpers every labelled set's build.py writes its cases with (format:
tests/data/devset/README.md): S(upported), C(ontradicted), U(nverified)."""


def S(claim, entity, metric, note=None):
    return _label(claim, "supported", note, entity=entity, metric=metric)


def C(claim, entity, metric, note=None):
    return _label(claim, "contradicted", note, entity=entity, metric=metric)


def U(claim, note=None):
    return _label(claim, "unverified", note)


def _label(claim, verdict, note, **row):
    label = {"claim": claim, "verdict": verdict, **row}
    if note:
        label["note"] = note
    return label
