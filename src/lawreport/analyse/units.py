"""Units a figure can carry, and which of them count things (classifiers).

Longest first in the regex, so 人次 wins over 人 and 亿元 over 元.  Dates (年 月 日 号)
are not units: 年 counts only as a duration (连续三年, 近5年, 3年来), see ``metrics``.
"""

from __future__ import annotations

# Classifiers: the thing counted usually follows them (106名干部, 7部法律法规).
CLASSIFIERS = (
    "个", "名", "位", "项", "部", "家", "份", "期", "批", "类", "种", "条", "篇", "场",
    "所", "座", "户", "处", "宗", "笔", "套", "台", "辆", "艘", "册", "本", "张", "门", "轮",
    "支", "组", "队", "堂", "节", "例", "方面", "批次", "场次",
)
# Measures: the thing measured usually comes before (案件2711件, 金额5181万元).
MEASURES = (
    "件次", "人次", "户次", "家次", "轮次", "件", "人", "次", "起", "元", "万元", "亿元", "美元",
    "平方公里", "平方米", "公顷", "亩", "公里", "千米", "米", "吨", "立方米", "千瓦",
    "个工作日", "工作日", "小时", "分钟", "天", "周", "个月", "周年", "年", "倍", "学时", "课时",
    "个百分点", "%", "‰",
)
UNITS = tuple(sorted(set(CLASSIFIERS + MEASURES), key=len, reverse=True))
MONEY = ("元", "美元")
DURATIONS = ("年", "周年", "个月", "天", "周", "小时", "分钟", "个工作日", "工作日")
PERCENT = ("%", "‰", "个百分点")

# Scale words fold into the value; the unit keeps what remains (万元 -> 元 ×10,000).
SCALED_UNITS = {"万元": ("万", "元"), "亿元": ("亿", "元")}


def is_classifier(unit: str) -> bool:
    return unit in CLASSIFIERS


def kind(unit: str) -> str:
    """Coarse kind used to group figures: percent, money, duration or count."""
    if unit in PERCENT:
        return "percent"
    if unit in MONEY:
        return "money"
    if unit in DURATIONS:
        return "duration"
    return "count"

# What may not follow a unit character for it to be a unit (部门 is not 部, 条例 not 条).
NOT_BEFORE = {
    "部": "门署分队长委级", "门": "类户槛口诊禁", "家": "庭长属事园乡", "人": "民大才员口士力均社",
    "名": "单称义录额", "条": "例件款线", "处": "罚理置分室长", "所": "有属在以谓长", "张": "家贴",
    "支": "持付撑部队", "队": "伍长员", "组": "织建成长", "户": "籍口", "期": "间限待刊望满", "种": "类植子",
    "台": "账风阶州", "周": "边期末知全", "天": "然气下津", "笔": "录", "批": "准复评示量次",
    "场": "所景地域馆次", "轮": "岗换", "节": "约点能日假", "套": "餐", "例": "如行会", "类": "案别型似",
    "项": "目", "次": "要序生", "起": "草点来步到始航源", "年": "代级龄度版底初末中轻", "元": "旦素",
    "位": "于置", "座": "谈", "本": "地市级单年着", "门类": "", "米": "", "个": "人体性案",
    "座谈": "", "篇": "章", "宗": "旨教", "册": "", "册子": "",
}
