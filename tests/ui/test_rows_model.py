from returndesk.ui.common.rows_model import RowsModel


def rows(*states):
    return [(f"id{n}", [f"id{n}", state]) for n, state in enumerate(states)]


def test_the_same_records_signal_only_the_rows_that_changed(qtbot, qtmodeltester):
    model = RowsModel(["Item", "State"])
    model.set_rows(rows("waiting", "waiting", "waiting", "waiting"))
    qtmodeltester.check(model)
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.set_rows(rows("sent", "sent", "waiting", "sent"))
    assert resets == []
    assert changed == [(0, 1), (3, 3)]
    assert model.data(model.index(3, 1)) == "sent"
    changed.clear()
    model.set_rows(rows("sent", "sent", "waiting", "sent"))
    assert changed == []


def test_other_records_reset_the_model(qtbot):
    model = RowsModel(["Item", "State"])
    model.set_rows(rows("waiting", "waiting"))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows(rows("waiting", "waiting", "waiting"))  # a new submission
    model.set_rows([("other", ["other", "sent"]), ("id1", ["id1", "waiting"])])
    assert resets == [True, True]
    assert model.key(0) == "other"
