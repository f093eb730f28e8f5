"""The rule file's [annual] table and [[outcomes]]: validation, defaults and round trip."""

from __future__ import annotations

import attrs
import pytest

import inspector_scoring as isc
from inspector_scoring.rules.model import AnnualMethod, AnnualSettings, OutcomeKind

#: the default scheme without its own [annual] and [[outcomes]], for tests to append theirs
DEFAULT = isc.dumps_rules(attrs.evolve(isc.default_rules(), annual=None, outcomes=()))


def load(extra: str) -> isc.Ruleset:
    """The default scheme with ``extra`` TOML appended."""
    return isc.loads_rules(DEFAULT + extra, source="rules.toml")


def test_without_an_annual_table_there_are_defaults() -> None:
    """No [annual]: none on the ruleset (the annual assessment uses AnnualSettings())."""
    rules = load("")
    assert rules.annual is None
    assert rules.outcomes == ()
    assert AnnualSettings() == AnnualSettings(AnnualMethod.MEAN, 1, (), None)


def test_annual_table_and_outcomes_load_and_round_trip() -> None:
    """Every key loads, and dumps_rules writes it back unchanged."""
    rules = load(
        """
[annual]
method = "duty_weighted_mean"
min_months = 6
veto_cap = "中"
grades = [{ name = "好", min = 85 }, { name = "中", min = 60 }, { name = "差", min = 0 }]

[[outcomes]]
id = "talk"
text = "月度考核总分排名后三位的，由乡镇约谈"
kind = "lowest"
count = 3

[[outcomes]]
id = "year"
text = "年度考核为差的，建议解聘"
kind = "annual"
grade = "差"
"""
    )
    assert rules.annual is not None
    assert (rules.annual.method, rules.annual.min_months, rules.annual.veto_cap) == (
        AnnualMethod.DUTY_WEIGHTED_MEAN,
        6,
        "中",
    )
    assert [grade.name for grade in rules.annual.grades] == ["好", "中", "差"]
    assert [(o.id, o.kind, o.count, o.grade) for o in rules.outcomes] == [
        ("talk", OutcomeKind.LOWEST, 3, None),
        ("year", OutcomeKind.ANNUAL, None, "差"),
    ]
    again = isc.loads_rules(isc.dumps_rules(rules), source="rules.toml")
    assert attrs.evolve(again, sha256="") == attrs.evolve(rules, sha256="")


@pytest.mark.parametrize(
    ("extra", "messages"),
    [
        (
            '\n[annual]\nmethod = "avg"\nmin_months = 13\nveto_cap = "好"\nfoo = 1\n',
            [
                "rules.toml: annual.foo: unknown key",
                'rules.toml: annual.method: must be one of mean, duty_weighted_mean, got "avg"',
                "rules.toml: annual.min_months: must be at most 12, got 13",
                'rules.toml: annual.veto_cap: undefined grade "好"; grades are 优秀, 合格, 基本合格, 不合格',
            ],
        ),
        (
            '\n[annual]\ngrades = [{ name = "好", min = 10 }]\n',
            ["rules.toml: annual.grades[0].min: the last grade must start at 0, got 10"],
        ),
        (
            '\n[[outcomes]]\nid = "a"\ntext = "x"\nkind = "lowest"\ngrade = "优秀"\n'
            '\n[[outcomes]]\nid = "a"\ntext = "y"\nkind = "consecutiv"\n'
            '\n[[outcomes]]\nid = "b"\ntext = "z"\nkind = "consecutive"\ngrade = "差"\nmonths = 0\n',
            [
                'rules.toml: outcomes[0].count: missing required key (kind = "lowest" needs it)',
                'rules.toml: outcomes[0].grade: not used by kind = "lowest"',
                'rules.toml: outcomes[1].id: duplicate outcome id "a" (first at outcomes[0].id)',
                "rules.toml: outcomes[1].kind: must be one of lowest, consecutive, annual, repeated, "
                'got "consecutiv"; '
                'did you mean "consecutive"?',
                "rules.toml: outcomes[2].months: must be a whole number of at least 1, got 0",
                'rules.toml: outcomes[2].grade: undefined grade "差"; '
                "grades are 优秀, 合格, 基本合格, 不合格",
            ],
        ),
    ],
)
def test_invalid_annual_settings_and_outcomes(extra: str, messages: list[str]) -> None:
    """Every problem in [annual] and [[outcomes]] is reported with its key path."""
    with pytest.raises(isc.InvalidInputError) as raised:
        load(extra)
    assert [str(problem) for problem in raised.value.problems] == messages


def test_check_prints_annual_and_outcomes_of_the_bundled_scheme() -> None:
    """`score check` says every table: the notice, [annual] and each of [[outcomes]], in English
    and Chinese."""
    from inspector_scoring.i18n import use_language  # noqa: PLC0415
    from inspector_scoring.rules.summary import summarise_rules  # noqa: PLC0415

    rules = isc.default_rules()
    try:
        use_language("en")
        english = summarise_rules(rules)
        use_language("zh")
        chinese = summarise_rules(rules)
    finally:
        use_language(None)
    tail = english[
        english.index("notice: {township}{period}驻矿安监员考核结果公示; posted for 5 working day(s)") :
    ]
    assert tail == [
        "notice: {township}{period}驻矿安监员考核结果公示; posted for 5 working day(s)",
        "",
        "annual: the mean of the monthly totals; at least 6 month(s) on duty; "
        "grades: 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, 不合格 ≥ 0",
        "  a vetoed month: the annual grade at best 合格",
        "  vetoed in 3 month(s) or more: the annual grade is 不合格",
        "",
        "outcomes (结果运用):",
        "  - 月度考核总分排名后三位的，由乡镇进行约谈（得分相同的名次并列，一并约谈） "
        "[admonitory-talk: among the 3 lowest of a month, ties at the boundary included]",
        "  - 年度内被约谈3次的，建议解聘 [dismissal-after-talks: admonitory-talk in 3 months of the year]",
        "  - 年度考核为不合格的，建议解聘 [dismissal-annual: an annual grade of 不合格 or worse]",
    ]
    assert (
        "年度考核：各月得分的平均值；在岗至少6个月；等次：优秀 ≥ 90、合格 ≥ 70、基本合格 ≥ 60、不合格 ≥ 0"
        in (chinese)
    )
    assert "  3个月及以上被一票否决的：年度等次为不合格" in chinese
    assert "  - 年度内被约谈3次的，建议解聘 [dismissal-after-talks：年度内admonitory-talk达3个月]" in chinese


def test_repeated_names_a_monthly_outcome() -> None:
    """A repeated outcome must count an outcome applied month by month, and needs outcome and count."""
    with pytest.raises(isc.InvalidInputError) as raised:
        load(
            """
[[outcomes]]
id = "year"
text = "年度不合格的，建议解聘"
kind = "annual"
grade = "不合格"

[[outcomes]]
id = "again"
text = "……"
kind = "repeated"
outcome = "year"
count = 2

[[outcomes]]
id = "none"
text = "……"
kind = "repeated"
"""
        )
    assert [problem.text("en") for problem in raised.value.problems] == [
        'rules.toml: outcomes[2].count: missing required key (kind = "repeated" needs it)',
        'rules.toml: outcomes[2].outcome: missing required key (kind = "repeated" needs it)',
        'rules.toml: outcomes[1].outcome: "year" is not an outcome applied month by month; those are: —',
    ]
