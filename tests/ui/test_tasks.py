import threading

from returndesk.ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    def done(result):
        seen["done"] = (threading.get_ident(), result)

    runner.run(work, done, lambda exc: None)
    qtbot.waitUntil(lambda: "done" in seen, timeout=2000)
    assert seen["worker"] != gui
    assert seen["done"] == (gui, 42)


def test_errors_come_back_as_exceptions(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_synchronous_mode_for_tests():
    runner = TaskRunner(synchronous=True)
    out = []
    runner.run(lambda: "x", out.append, out.append)
    assert out == ["x"]
