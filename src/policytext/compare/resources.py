"""Target keys for :func:`policytext.compare.targets`: which indicator, in which unit.

Each key maps to a pattern on the Simplified ``indicator`` column and a pattern on the
``unit`` column. Users pass their own mapping (same shape) to ``targets(patterns=...)``.
"""

from __future__ import annotations

import re

TARGET_PATTERNS: dict[str, tuple[str, str]] = {
    # 地区生产总值: a province's or city's GDP in its own work report
    "gdp_growth": (r"(?:国内生产总值|地区生产总值|GDP|^经济|今年经济)(?:总量)?(?:增长|增速|增长速度)$", r"^%$"),
    "cpi": (r"^(?:居民消费价格|消费者物价|物价总水平|价格总水平)", r"^%$"),
    "new_urban_jobs": (r"城镇新增就业|新增城镇就业|城镇就业新增", r"人"),
    "surveyed_unemployment": (r"城镇调查失业率|^调查失业率", r"^%$"),
    "registered_unemployment": (r"城镇登记失业率", r"^%$"),
    "energy_intensity": (r"单位国内生产总值能[耗源]|单位GDP能耗|能耗强度", r"^%$"),
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
    return {key: (re.compile(name), re.compile(unit)) for key, (name, unit) in patterns.items()}
