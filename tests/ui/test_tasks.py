import threading

from returndesk.ui.common.tasks import TaskRunner


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


def test_finish_background_waits_for_every_runner_of_the_window(qtbot):
    import threading
    import time

    from PySide6.QtWidgets import QWidget

    from returndesk.app import finish_background

    window = QWidget()
    qtbot.addWidget(window)
    runners = [TaskRunner(parent=window), TaskRunner(parent=TaskRunner(parent=window))]
    finished = []
    release = threading.Event()
    for n, runner in enumerate(runners):
        runner.run(
            lambda n=n: (release.wait(5), time.sleep(0.05), finished.append(n)),
            lambda _: None,
            lambda _exc: None,
        )
    release.set()
    finish_background(window)  # type: ignore[arg-type]
    assert sorted(finished) == [0, 1]
