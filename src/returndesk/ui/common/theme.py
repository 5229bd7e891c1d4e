"""A high-contrast theme readable at arm's length, with touch targets of at least 48 px."""

from __future__ import annotations

from returndesk.core.environment import Environment

MIN_TOUCH_PX = 48
BASE_FONT_PT = 15

#: badge colours per environment: LIVE must never be mistaken for a sandbox
BADGE_COLOURS = {
    Environment.SANDBOX: ("#1b1b1b", "#ffc107"),  # black on amber
    Environment.TEST: ("#ffffff", "#1565c0"),  # white on blue
    Environment.LIVE: ("#ffffff", "#c62828"),  # white on red
}

STYLESHEET = f"""
QWidget {{
    background: #101418;
    color: #f2f4f5;
    font-size: {BASE_FONT_PT}pt;
}}
QPushButton {{
    min-height: {MIN_TOUCH_PX}px;
    min-width: {MIN_TOUCH_PX * 2}px;
    padding: 6px 18px;
    border: 2px solid #9fb3c8;
    border-radius: 6px;
    background: #1f2a35;
}}
QPushButton:focus {{ border-color: #ffd54f; }}
QPushButton:disabled {{ color: #6f7f8f; border-color: #3a4754; background: #161d24; }}
#StationHeader {{ background: #1c242c; border-bottom: 3px solid #2e3b47; }}
#StationHeader QWidget {{ background: transparent; }}
#HeaderField {{ color: #c8d3dc; font-size: 13pt; }}
#HeaderValue {{ color: #ffffff; font-size: 15pt; font-weight: 600; }}
#Banner {{ background: #5d4037; border-bottom: 2px solid #ffb74d; }}
#Banner QLabel {{ background: transparent; color: #fff3e0; font-size: 15pt; }}
#CaseTitle {{ font-size: 22pt; font-weight: 700; }}
#GuideQuestion {{ font-size: 24pt; font-weight: 600; padding: 12px 0; }}
#CodeInput {{ font-size: 24pt; padding: 8px; border: 2px solid #9fb3c8; border-radius: 6px; }}
QLineEdit {{ min-height: {MIN_TOUCH_PX}px; border: 2px solid #52606d; border-radius: 6px;
             padding: 4px 8px; }}
QTableView {{ gridline-color: #2e3b47; selection-background-color: #1565c0;
              font-size: 14pt; }}
QTableView::indicator {{ width: 24px; height: 24px; border: 2px solid #cfd8dc;
                         border-radius: 4px; background: #263238; }}
QTableView::indicator:checked {{ background: #43a047; border-color: #c8e6c9; }}
QHeaderView::section {{ background: #1c242c; color: #c8d3dc; padding: 4px 2px; border: 0;
                        font-size: 12pt; }}
QComboBox {{ min-height: {MIN_TOUCH_PX}px; padding: 0 8px; }}
#PrimaryButton {{ background: #2e7d32; border-color: #a5d6a7; font-weight: 700; }}
#ScanPrompt {{ font-size: 44pt; font-weight: 700; color: #ffffff; }}
#ScanHint {{ font-size: 17pt; color: #c8d3dc; }}
QDialog {{ border: 3px solid #9fb3c8; }}
#Thumbnail {{ border: 1px solid #52606d; background: #1c242c; }}
#Feedback {{ border-radius: 8px; }}
#Feedback[level="good"] {{ background: #1b3a1e; border: 2px solid #43a047; }}
#Feedback[level="warn"] {{ background: #ffb300; border: 2px solid #ffe082; }}
#Feedback[level="bad"] {{ background: #b71c1c; border: 3px solid #ff8a80; }}
#FeedbackText, #FeedbackIcon {{ background: transparent; }}
#FeedbackText {{ font-size: 17pt; color: #c8d3dc; }}
#FeedbackText[level="good"] {{ font-size: 19pt; color: #c8e6c9; font-weight: 600; }}
#FeedbackText[level="warn"] {{ font-size: 19pt; color: #1a1a1a; font-weight: 700; }}
#FeedbackText[level="bad"] {{ font-size: 22pt; color: #ffffff; font-weight: 700; }}
#FeedbackIcon {{ font-size: 26pt; font-weight: 700; color: #ffffff; }}
#FeedbackIcon[level="good"] {{ color: #66bb6a; }}
#FeedbackIcon[level="warn"] {{ color: #1a1a1a; }}
#FeedbackIcon[level="bad"] {{ font-size: 32pt; }}
#DemoHint {{ font-size: 15pt; color: #ffc107; }}
#QuietButton {{ border-color: #52606d; color: #c8d3dc; font-size: 13pt; }}
#FieldHint {{ color: #9fb3c8; font-size: 12pt; }}
#FieldError {{ color: #ff8a80; font-size: 13pt; font-weight: 600; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"],
QTableWidget[invalid="true"] {{ border: 2px solid #ff5252; }}
QLabel[good="true"], #ScanHint[good="true"] {{ color: #a5d6a7; }}
QLabel[good="false"], #ScanHint[good="false"] {{ color: #ff8a80; }}
QTabBar::tab {{ min-height: {MIN_TOUCH_PX}px; padding: 0 16px; background: #1c242c;
                border: 1px solid #2e3b47; }}
QTabBar::tab:selected {{ background: #1f2a35; border-bottom: 3px solid #ffd54f; }}
QGroupBox {{ border: 2px solid #2e3b47; border-radius: 6px; margin-top: 18px;
             padding-top: 14px; font-weight: 700; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QCheckBox::indicator {{ width: 26px; height: 26px; border: 2px solid #cfd8dc; border-radius: 4px;
                        background: #263238; }}
QCheckBox::indicator:checked {{ background: #43a047; border-color: #c8e6c9; }}
QComboBox {{ border: 2px solid #52606d; border-radius: 6px; }}
"""
