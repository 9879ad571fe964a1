# ruff: noqa: E501, E731 - a data script: template prose on one line each, lambdas pick the language
"""Generate the online-course template in en and zh (one set of numbers, two languages).

uv run python packaging/tools/make_online_course_template.py
"""

from app.io import dumps_diagram
from app.model import Diagram

T = {
    "title": ("Online course enrolment review", "在线课程报名月度复盘"),
    "notes": (
        "Online-education funnel from ads and live streams to a paid course and its renewal, with six months of actuals. The checkout page loses 60% of visitors and a pilot with instalments lifted conversion 18%.",
        "在线教育从广告和直播引流到付费报名与续费的全链路，附六个月的实际数据：结算页流失六成访客，分期付款试点让转化率提升了18%。",
    ),
    "marketing": ("Marketing", "市场部"),
    "advisors": ("Course advisors", "课程顾问部"),
    "product": ("Product", "产品技术部"),
    "service": ("Student services", "教务服务部"),
    "attract": ("Attract", "引流"),
    "trial": ("Trial", "试听"),
    "checkout": ("Checkout", "支付"),
    "learn": ("Learn and renew", "学习与续费"),
}


def t(key, lang):
    return T[key][0 if lang == "en" else 1]


def nodes(L):
    e = lambda en, zh: en if L == "en" else zh
    return [
        dict(
            id="feed_ads",
            label=e("In-feed ads", "信息流广告"),
            kind="entry",
            lane="marketing",
            phase="attract",
            owner=e("Paid media manager", "投放经理"),
            volume={"target": 40000, "actual": 38000},
            cost=120000,
            kpis=[
                dict(
                    name=e("Cost per trial sign-up", "试听获客成本"),
                    target=60,
                    actual=75,
                    unit="CNY",
                    better="lower",
                )
            ],
            contingency=e(
                "If the cost per sign-up passes 90 yuan for a week, move budget to live streams.",
                "试听获客成本连续一周超过90元时，把预算转到直播。",
            ),
        ),
        dict(
            id="live",
            label=e("Teacher live streams", "名师直播"),
            kind="entry",
            lane="marketing",
            phase="attract",
            owner=e("Content manager", "内容运营经理"),
            volume=25000,
            cost=30000,
            kpis=[
                dict(
                    name=e("Watch to the end", "完播率"),
                    target="35%",
                    actual="31%",
                    better="higher",
                )
            ],
        ),
        dict(
            id="free_lesson",
            label=e("Free trial lesson", "免费试听课"),
            kind="step",
            lane="product",
            phase="trial",
            owner=e("Course product manager", "课程产品经理"),
            duration={"target": 1, "actual": 2},
            kpis=[
                dict(
                    name=e("Attendance rate", "到课率"), target="60%", actual="52%", better="higher"
                )
            ],
        ),
        dict(
            id="advisor_call",
            label=e("Advisor follow-up", "顾问跟进"),
            kind="step",
            lane="advisors",
            phase="trial",
            owner=e("Advisor team lead", "顾问主管"),
            capacity=2000,
            duration={"target": 2, "actual": 4},
            kpis=[
                dict(
                    name=e("Called within 24h", "24小时内回访率"),
                    target="90%",
                    actual="75%",
                    better="higher",
                )
            ],
            notes=e(
                "Twelve advisors, about 150 conversations each a month.",
                "12名顾问，每人每月约150次沟通。",
            ),
            contingency=e(
                "When the queue passes two days, send the recorded Q&A and hold a daily group call.",
                "排队超过两天时，发送录播答疑并每天开一场集体答疑。",
            ),
        ),
        dict(
            id="course_page",
            label=e("Course page", "课程详情页"),
            kind="step",
            lane="product",
            phase="checkout",
            owner=e("Course product manager", "课程产品经理"),
            kpis=[dict(name=e("Syllabus views", "大纲查看率"), target="70%", better="higher")],
        ),
        dict(
            id="checkout",
            label=e("Checkout page", "结算页"),
            kind="decision",
            lane="product",
            phase="checkout",
            owner=e("Payments product owner", "支付产品负责人"),
            kpis=[
                dict(
                    name=e("Payment errors", "支付失败率"),
                    target="2%",
                    actual="6%",
                    better="lower",
                ),
                dict(
                    name=e("Instalment uptake", "分期使用率"),
                    target="30%",
                    actual="12%",
                    better="higher",
                ),
            ],
            notes=e(
                "A pilot with instalments lifted checkout conversion 18%; it runs for one course only.",
                "分期付款试点使结算转化率提升18%，目前只在一门课程上线。",
            ),
            contingency=e(
                "If the payment provider fails, switch to the backup channel and text the payment link.",
                "支付通道故障时切换到备用通道，并短信发送支付链接。",
            ),
        ),
        dict(
            id="abandon",
            label=e("Abandoned checkout", "放弃支付"),
            kind="exit",
            lane="product",
            phase="checkout",
            owner=e("Payments product owner", "支付产品负责人"),
        ),
        dict(
            id="not_now",
            label=e("Not interested yet", "暂不报名"),
            kind="exit",
            lane="advisors",
            phase="trial",
            owner=e("Advisor team lead", "顾问主管"),
        ),
        dict(
            id="enrolled",
            label=e("Course enrolment", "课程报名"),
            kind="goal",
            lane="advisors",
            phase="checkout",
            owner=e("Advisor team lead", "顾问主管"),
            value=2980,
            kpis=[
                dict(
                    name=e("Refund within 7 days", "七天退费率"),
                    target="3%",
                    actual="5%",
                    better="lower",
                )
            ],
        ),
        dict(
            id="learning",
            label=e("Weekly study check-in", "每周学习打卡"),
            kind="step",
            lane="service",
            phase="learn",
            owner=e("Study coach", "学习督导"),
            duration=30,
            kpis=[
                dict(
                    name=e("Lesson completion", "完课率"),
                    target="70%",
                    actual="58%",
                    better="higher",
                )
            ],
        ),
        dict(
            id="renewal",
            label=e("Next course renewal", "进阶课续费"),
            kind="goal",
            lane="service",
            phase="learn",
            owner=e("Student services manager", "教务经理"),
            value=1980,
            kpis=[
                dict(name=e("Renewal order value", "续费客单价"), target=1980, actual=1680, unit="CNY", better="higher")
            ],
        ),
        dict(
            id="referral",
            label=e("Student referral", "老学员推荐"),
            kind="step",
            lane="marketing",
            phase="learn",
            owner=e("Community manager", "社群运营"),
            kpis=[dict(name=e("Referrals per student", "人均推荐数"), target=0.5, better="higher")],
        ),
        dict(
            id="dropped",
            label=e("Stopped studying", "停止学习"),
            kind="exit",
            lane="service",
            phase="learn",
            owner=e("Study coach", "学习督导"),
        ),
    ]


EDGES = [
    ("feed_ads", "free_lesson", {"target": "5%", "actual": "4%"}, ("Signs up", "报名试听")),
    ("live", "free_lesson", "6%", ("Signs up", "报名试听")),
    ("free_lesson", "advisor_call", {"target": "70%", "actual": "60%"}, ("Attends", "到课")),
    ("advisor_call", "course_page", {"target": "60%", "actual": "55%"}, ("Interested", "有意向")),
    ("advisor_call", "not_now", {"target": "40%", "actual": "45%"}, None),
    ("course_page", "checkout", {"target": "80%", "actual": "75%"}, ("Buy now", "立即购买")),
    ("checkout", "enrolled", {"target": "55%", "actual": "40%"}, ("Pays", "完成支付")),
    ("checkout", "abandon", {"target": "45%", "actual": "60%"}, ("Leaves", "离开")),
    ("enrolled", "learning", "100%", None),
    ("learning", "renewal", {"target": "30%", "actual": "24%"}, ("Renews", "续费")),
    ("learning", "referral", {"target": "20%"}, ("Recommends", "推荐")),
    ("learning", "dropped", {"target": "20%", "actual": "30%"}, None),
    ("referral", "free_lesson", {"target": "50%", "actual": "45%"}, ("Friend joins", "好友试听")),
]

MONTHS = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
ABANDON = ["50%", "49%", "52%", "55%", "57%", "58%"]
PAYS = ["50%", "51%", "48%", "45%", "43%", "42%"]
ERRORS = ["2%", "2.5%", "2%", "3%", "4%", "5%"]
FEED = [36000, 37000, 39000, 40000, 39000, 38500]
FEED_RATE = ["4.5%", "4.4%", "4.2%", "4.3%", "4.1%", "4%"]
ATTEND = ["64%", "62%", "61%", "60%", "61%", "60%"]
RENEW = ["26%", "25%", "25%", "24%", "25%", "24%"]
CPL = [62, 64, 66, 70, 72, 74]


def history(L):
    e = lambda en, zh: en if L == "en" else zh
    out = []
    for i, m in enumerate(MONTHS):
        out.append(
            {
                "period": m,
                "nodes": {
                    "feed_ads": {
                        "volume": FEED[i],
                        "kpis": {e("Cost per trial sign-up", "试听获客成本"): CPL[i]},
                    },
                    "live": {"volume": 25000},
                    "checkout": {"kpis": {e("Payment errors", "支付失败率"): ERRORS[i]}},
                },
                "edges": {
                    "feed_ads->free_lesson": {"conversion": FEED_RATE[i]},
                    "free_lesson->advisor_call": {"conversion": ATTEND[i]},
                    "checkout->enrolled": {"conversion": PAYS[i]},
                    "checkout->abandon": {"conversion": ABANDON[i]},
                    "learning->renewal": {"conversion": RENEW[i]},
                },
            }
        )
    return out


COLORS = {"marketing": "#2E86DE", "advisors": "#27AE60", "product": "#8E44AD", "service": "#F39C12"}
for L in ("en", "zh"):
    data = {
        "funnelflow": 1,
        "title": t("title", L),
        "period": "month",
        "currency": "CNY",
        "notes": t("notes", L),
        "lanes": [{"id": k, "name": t(k, L), "color": c} for k, c in COLORS.items()],
        "phases": [{"id": k, "name": t(k, L)} for k in ("attract", "trial", "checkout", "learn")],
        "nodes": nodes(L),
        "edges": [
            dict(
                {"from": a, "to": b, "conversion": c},
                **({"label": lab[0 if L == "en" else 1]} if lab else {}),
            )
            for a, b, c, lab in EDGES
        ],
        "history": history(L),
    }
    d = Diagram.model_validate(data)
    open(f"resources/templates/{L}/online-course.yaml", "w", encoding="utf-8").write(
        dumps_diagram(d)
    )
