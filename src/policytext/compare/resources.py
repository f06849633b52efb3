"""Target keys for :func:`policytext.compare.targets`: which indicator, in which unit.

Each key maps to a pattern on the Simplified ``indicator`` column and a pattern on the
``unit`` column. Users pass their own mapping (same shape) to ``targets(patterns=...)``.
Names come from :func:`policytext.indicators`, which already drops the words around a
target (预期目标是, 力争, 拟按…安排, 全市/全省 …), so the patterns name the indicator itself in
the ways national and local reports write it.
"""

from __future__ import annotations

import re

__all__ = ["TARGET_PATTERNS", "compile_patterns"]

#: a place's own output: 国内生产总值 (national), 地区生产总值, or 生产总值 after 全市/全省/全区/
#: 全县/全州/全盟 (the prefix itself is dropped from the name), and GDP
_GDP = (
    r"(?<!人均)(?<!人均国内)(?<!人均地区)(?:国内|地区|全[国省市区县州盟旗])?生产总值|(?<!人均)GDP"
    r"|^(?:全[国省市区县州盟旗])?经济|今年经济"
)

TARGET_PATTERNS: dict[str, tuple[str, str]] = {
    # a growth rate in %: 地区生产总值增长6%, 全市生产总值增长, or 地区生产总值 6%左右 alone in a list
    "gdp_growth": (rf"(?:{_GDP})(?:总量)?(?:实际)?(?:增长|增速|增长速度)?$", r"^%$"),
    "cpi": (r"^(?:居民消费价格|消费者物价|物价总水平|价格总水平)", r"^%$"),
    "new_urban_jobs": (r"城镇新增就业|新增城镇就业|城镇就业新增", r"人"),
    "surveyed_unemployment": (r"城镇调查失业率|^调查失业率", r"^%$"),
    "registered_unemployment": (r"城镇登记失业率", r"^%$"),
    "energy_intensity": (r"单位(?:国内|地区)?生产总值能[耗源]|单位GDP能耗|能耗强度", r"^%$"),
    "grain_output": (r"^粮食(?:总)?产量", r"[斤吨]$"),
    "deficit_ratio": (r"^赤字率", r"^%$"),
    "fiscal_deficit": (r"^(?:全国)?财政赤字(?:规模)?$|^赤字规模$", r"元$"),
    "special_bonds": (r"地方政府专项债券", r"元$"),
    "m2_growth": (r"广义货币|^M2", r"^%$"),
    "trade_growth": (r"^(?:对外贸易|外贸|进出口)(?:总额)?(?:增长)?$", r"^%$"),
    "fixed_investment_growth": (r"固定资产投资(?:总额)?增长", r"^%$"),
    "retail_sales_growth": (r"社会消费品零售总额(?:增长)?", r"^%$"),
    "poverty_reduction": (r"贫困人口减少", r"万|人"),
}


def compile_patterns(patterns: dict[str, tuple[str, str]]) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Compile a mapping of target key → (name pattern, unit pattern).

    Parameters
    ----------
    patterns : dict
        key → (regular expression on the Simplified ``indicator``, one on ``unit``).

    Returns
    -------
    dict
        The same keys with compiled patterns, in the mapping's order.
    """
    return {key: (re.compile(name), re.compile(unit)) for key, (name, unit) in patterns.items()}
