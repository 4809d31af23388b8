from fazhi.core.feeds import nav_items
from fazhi.core.navigation import register

from . import feeds

register(*nav_items(feeds.OFFICER, feeds.EXAM, feeds.PENALTY_POWER, feeds.POWER_ITEM, feeds.INSPECTION,
                    feeds.RANDOM_TASK, feeds.PENALTY, feeds.CASE_FILE_REVIEW))
