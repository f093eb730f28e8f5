"""Every sentence a person reads about the input, written once, in English, with its code.

The code is the message's stable name for programs (a problem's ``code``);
the English is the gettext ``msgid`` and the code its ``msgctxt``, so the
Chinese catalog (``locale/zh/LC_MESSAGES/inspector_scoring.po``) is found by
both. Placeholders are ``{named}``; values shown in quotes (ids, cell texts)
are never translated. A test fails when a message has no Chinese or the
Chinese drops or renames a placeholder.
"""

from __future__ import annotations

from .i18n import Message

# -- words used inside other messages -------------------------------------------

A_TABLE = Message("word.table", "a table")
AN_OBJECT = Message("word.object", "an object")
AN_ARRAY = Message("word.array", "an array")
A_STRING = Message("word.string", "a string")
DID_YOU_MEAN = Message("hint.did_you_mean", "; did you mean {choice}?")
KNOWN_KINDS = Message("hint.known_kinds", "; known kinds: {kinds}")
NONE = Message("word.none", "none")
ONWARDS = Message("word.onwards", "{start} onwards")
FROM_TO = Message("word.from_to", "{start} to {end}")

# -- files ----------------------------------------------------------------------

CANNOT_READ = Message("file.cannot_read", "cannot read: {reason}")
CANNOT_WRITE = Message("file.cannot_write", "cannot write: {reason}")
NOT_UTF8 = Message("file.not_utf8", "not UTF-8 text (byte {byte})")
NOT_UTF8_GBK = Message(
    "file.not_utf8_gbk",
    "not UTF-8 text (byte {byte}): it looks like GBK/GB18030 (as Windows Notepad and Excel save "
    "Chinese text); save it again as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)",
)
INVALID_TOML = Message("file.invalid_toml", "invalid TOML: {reason}")
INVALID_JSON = Message("file.invalid_json", "invalid JSON: {reason} (at line {line}, column {column})")
INVALID_JSON_NUMBER = Message("file.invalid_json_number", "invalid JSON: {reason}")
FULL_WIDTH_IN_JSON = Message(
    "file.full_width_json",
    "invalid JSON: {reason} (at line {line}, column {column}): the full-width character {char} "
    "stands there; JSON needs the ASCII {ascii} (switch the input method to half-width)",
)
HALF_SURROGATE = Message(
    "value.half_surrogate", "is not Unicode text: it holds {half}, half of a UTF-16 surrogate pair"
)
HALF_SURROGATE_KEY = Message(
    "key.half_surrogate", "has a name that is not Unicode text (half of a UTF-16 surrogate pair)"
)

# -- values (both files) --------------------------------------------------------

KEY_NOT_STRING = Message("key.not_string", "keys must be strings, got {key}")
KEY_UNKNOWN = Message("key.unknown", "unknown key{hint}")
KEY_MISSING = Message("key.missing", "missing required key")
KEY_DUPLICATE = Message("key.duplicate", "duplicate key")
MUST_BE = Message("value.must_be", "must be {what}, got {value}")
EMPTY = Message("value.empty", "must not be empty")
NOT_AN_ID = Message("value.not_id", "must be an id (a lowercase letter, then a-z 0-9 _ -), got {value}")
NOT_NON_NEGATIVE = Message("number.not_non_negative", "must be a non-negative number, got {value}")
FULL_WIDTH_NUMBER = Message(
    "number.full_width",
    "must be a non-negative number, got {value}: it is written with full-width characters; "
    "use the ASCII digits 0-9 and the point .",
)
TOO_LARGE = Message("number.too_large", "is too large: at most {most}, got {value}")
TOO_MANY_DECIMALS = Message("number.too_many_decimals", "has too many decimals: at most {most}, got {value}")
NOT_WHOLE = Message("number.not_whole", "must be a whole number of at least {minimum}, got {value}")
NOT_BOOL = Message("value.not_bool", "must be true or false, got {value}")
NOT_TOML_DATE = Message("value.not_toml_date", "must be a TOML date like 2021-01-01, got {value}")
NOT_TOML_TIME = Message("value.not_toml_time", "must be a TOML local time like 22:00:00, got {value}")
NOT_DATE = Message("value.not_date", "must be a date YYYY-MM-DD, got {value}")
NOT_MOMENT = Message(
    "value.not_moment",
    "must be a date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:MM:SS without UTC offset, got {value}",
)
SCHEMA_UNSUPPORTED = Message(
    "schema.unsupported", "unsupported schema {value}; this version reads {supported}"
)
NOT_BEFORE = Message("value.not_before", "must not be before {other} ({start}), got {end}")
AT_MOST = Message("number.at_most", "must be at most {most}, got {value}")
ONE_OF = Message("value.one_of", "must be one of {choices}, got {value}{hint}")
AT_LEAST_ONE = Message("list.at_least_one", "must list at least one {what}")
WORD_ITEM = Message("word.item", "item")
WORD_GRADE = Message("word.grade", "grade")
WORD_INSPECTOR = Message("word.inspector", "inspector")
WORD_CASE = Message("word.case", "case")
WORD_PROBLEM = Message("word.problem", "problem")
WORD_PROBLEM_PATH = Message("word.problem_path", "problem path")

# -- rule files -----------------------------------------------------------------

DUPLICATE_ITEM_ID = Message("rules.duplicate_item_id", "duplicate item id {value} (first at {first})")
DUPLICATE_RULE_ID = Message("rules.duplicate_rule_id", "duplicate rule id {value} (first at {first})")
DUPLICATE_GRADE = Message("rules.duplicate_grade", "duplicate grade name {value} (first at {first})")
DUPLICATE_OUTCOME_ID = Message(
    "rules.duplicate_outcome_id", "duplicate outcome id {value} (first at {first})"
)
TOTAL_PRECISION = Message(
    "rules.total_precision", "must have at most {precision} decimal(s), as precision says, got {value}"
)
TOTAL_NOT_SUM = Message("rules.total_not_sum", "must equal the sum of item points ({points}), got {value}")
NIGHT_SAME = Message("rules.night_same", "must differ from night.from, got {time} for both")
COUNT_AND_DAYS = Message("rules.count_and_days", "give at most one of count and days_without")
MUST_BE_NIGHT = Message("rules.must_be_night", 'must be "night", got {value}')
ONLY_WITH = Message("rules.only_with", "only allowed with {key}")
NEEDS_NIGHT = Message("rules.needs_night", "needs a [night] table defining the night window")
UNDEFINED_METRIC = Message("rules.undefined_metric", "undefined metric {value}{hint}")
BELOW_OR_ABOVE = Message("rules.below_or_above", "give exactly one of below and above")
PER_OR_FIXED = Message("rules.per_or_fixed", "give exactly one of per and fixed")
UNDEFINED_GRADE = Message("rules.undefined_grade", "undefined grade {value}; grades are {grades}")
BAD_PLACEHOLDER = Message("rules.bad_placeholder", "bad placeholder: {reason}")
UNKNOWN_PLACEHOLDER = Message(
    "rules.unknown_placeholder", "unknown placeholder {{{field}}}; use {{township}} and {{period}}"
)
GRADE_NOT_LOWER = Message(
    "rules.grade_not_lower", "must be lower than the grade above it ({above}), got {value}"
)
LAST_GRADE_ZERO = Message("rules.last_grade_zero", "the last grade must start at 0, got {value}")
OUTCOME_NEEDS = Message("rules.outcome_needs", "missing required key (kind = {kind} needs it)")
OUTCOME_UNUSED = Message("rules.outcome_unused", "not used by kind = {kind}")
NOT_A_PERIOD = Message("rules.not_a_period", "not a period: {value}")
NO_RULE_FILES = Message("rules.no_files", "no *.toml rule files in this folder")
NO_RULE_FILE_COVERS = Message(
    "rules.none_covers", "no rule file covers {period} ({kind}); candidates: {candidates}"
)
MANY_RULE_FILES_COVER = Message("rules.many_cover", "more than one rule file covers {period}: {names}")
RULE_FILE_CANDIDATE = Message("rules.candidate", "{name} ({kind}, {dates})")

# -- evidence files -------------------------------------------------------------

PERIOD_SHAPE = Message("evidence.period_shape", "must be a period YYYY-MM, YYYY-Qn or YYYY, got {value}")
DUPLICATE_INSPECTOR = Message(
    "evidence.duplicate_inspector", "duplicate inspector id {value} (first at {first})"
)
LEAVE_OVERLAPS = Message("evidence.leave_overlaps", "overlaps {other} ({start} to {end})")
EXTRA_FIELD_NOT_STRING = Message(
    "evidence.extra_not_string", "extra event fields must be strings, got {value}"
)
PERIOD_WRONG_KIND = Message(
    "evidence.period_kind",
    "{period} is a {kind}, but the rule file {rules} assesses by {rules_kind} ({dates})",
)
PERIOD_OUTSIDE = Message(
    "evidence.period_outside", "{period} is outside the effective dates of the rule file {rules} ({dates})"
)
UNKNOWN_METRIC = Message("evidence.unknown_metric", "unknown metric {value}{hint}")
SAME_RECORD = Message("evidence.same_record", "the same record as {other} (same kind, at and ref)")
UNKNOWN_KIND = Message("evidence.unknown_kind", "unknown event kind {value}{hint}")
OUTSIDE_PERIOD = Message("evidence.outside_period", "{day} is outside the period {period} ({start} to {end})")
GIVEN_TWICE = Message(
    "evidence.given_twice", "given as a count and also by {count} {kind} event(s); give the evidence once"
)
NIGHT_NEEDS_TIME = Message(
    "evidence.night_needs_time",
    "metric {metric} counts night events, so this {kind} event needs a time of day",
)
MISSING_EVIDENCE = Message(
    "evidence.missing", "missing evidence for metric {metric} ({title}): give it {how}"
)
GIVE_IN_COUNTS = Message("evidence.give_in_counts", "in counts")
GIVE_IN_COUNTS_OR_EVENTS = Message("evidence.give_in_counts_or_events", "in counts, or give an events list")
UNTIL_NEEDS_TIME = Message(
    "evidence.until_needs_time", "an event with until needs a time of day in at, got {value}"
)
UNTIL_BEFORE_AT = Message("evidence.until_before_at", "must not be before at ({at}), got {value}")
UNTIL_TOO_LATE = Message("evidence.until_too_late", "must be at most 24 hours after at ({at}), got {value}")
NOT_DATETIME = Message(
    "value.not_datetime", "must be a local date-time YYYY-MM-DDTHH:MM:SS without UTC offset, got {value}"
)
TOO_DEEP = Message("file.too_deep", "nests arrays and objects too deep: at most {most} levels")

# -- a year of monthly results --------------------------------------------------

NOT_A_MONTH = Message("annual.not_a_month", "{period} is not a month")
OTHER_TOWNSHIP = Message("annual.other_township", "{township} is not {first} ({source})")
OTHER_YEAR = Message("annual.other_year", "{period} is not in {year} ({source})")
MONTH_TWICE = Message("annual.month_twice", "{period} is given twice (also {source})")
MONTHS_MISSING = Message("annual.months_missing", "the year {year} needs every month; missing: {missing}")
OTHER_NAME = Message("annual.other_name", "inspector {id} is {name} here but {other} in {period} ({source})")

# -- case files (score test) ----------------------------------------------------

NO_SUCH_RULE_FILE = Message(
    "cases.no_rule_file", "no such rule file {value} (paths are relative to the case file's folder)"
)
NO_SUCH_EVIDENCE_FILE = Message(
    "cases.no_evidence_file", "no such evidence file {value} (paths are relative to the case file's folder)"
)
DUPLICATE_CASE = Message("cases.duplicate_case", "duplicate case name {value} (first at {first})")
EXPECT_OR_ERRORS = Message("cases.expect_or_errors", "give either expect or errors/error_messages, not both")
EXPECT_OR_ERRORS_MISSING = Message(
    "cases.expect_missing", "give expect (the results) or errors (the problems the evidence must raise)"
)
NOT_EVIDENCE = Message(
    "cases.not_evidence", "must be an evidence table or the path of an evidence file, got {value}"
)
NO_INSPECTOR_ID = Message("cases.no_inspector", "must name at least one inspector id")
GIVE_ONE_OF = Message("cases.give_one_of", "give at least one of {keys}")
UNKNOWN_NAMED = Message("cases.unknown", "unknown {what} {value}{hint}")
THE_RULE_FILE_HAS = Message("hint.rule_file_has", "; the rule file has {choices}")
WORD_VETO = Message("word.veto", "veto")
WORD_RULE = Message("word.rule", "rule")
DUPLICATE_PROBLEM_PATH = Message("cases.duplicate_path", "duplicate problem path {value} (first at {first})")
DUPLICATE_PROBLEM = Message("cases.duplicate_problem", "duplicate problem {value} (first at {first})")

# -- results (score verify) -----------------------------------------------------

NOT_A_RESULT = Message("verify.not_a_result", "not a JSON result: {reason}")

# -- the command's output -------------------------------------------------------

OUTPUT_IS_INPUT = Message("output.is_input", "--output {output} is an input file; refusing to overwrite it")
OUTPUT_IS_STDIN = Message(
    "output.is_stdin", "--output {output} is the file standard input reads; refusing to overwrite it"
)
OUTPUT_IN_RULES = Message(
    "output.in_rules",
    "--output {output} is a rule file of the folder {folder} (--rules): it would replace one or be read as "
    "one; write it elsewhere",
)
STANDARD_OUTPUT = Message("output.stdout", "<standard output>")

# -- the command: help ------------------------------------------------------------

HELP_SCORE = Message(
    "help.score", "Score resident mine safety inspectors (驻矿安监员) and print the public notice (公示)."
)
HELP_EVIDENCE = Message("help.evidence", "the evidence file (JSON); - reads standard input")
HELP_RULES = Message(
    "help.rules",
    "a rule file (TOML), or a folder of them (the one in force for the period is used); "
    "default: the bundled scheme",
)
HELP_RULES_ONE = Message("help.rules_one", "a rule file (TOML); default: the bundled scheme")
HELP_FORMAT = Message("help.format", "output format (default: table)")
HELP_OUTPUT = Message("help.output", "write here, whole, instead of standard output")
HELP_PUBLISH_ON = Message(
    "help.publish_on", "first day of the notice period (default: assessed_on, else today)"
)
HELP_MASK_NAMES = Message("help.mask_names", "show names as 张*三 on the notice")
HELP_EXPLAIN = Message("help.explain", "all: also list the rules that deducted nothing, and why")
HELP_WIDTH = Message(
    "help.width", "width of table, html and svg output (default: the terminal's, or {default})"
)
HELP_LANG = Message(
    "help.lang", "language of messages and help: zh or en (default: SCORE_LANG, else the system's)"
)
HELP_VERSION = Message("help.version", "show the version and exit")
HELP_ANNUAL = Message(
    "help.annual",
    "Score every month of a year with the rule file in force for it, and combine them per inspector.",
)
HELP_ANNUAL_EVIDENCE = Message("help.annual_evidence", "the twelve monthly evidence files")
HELP_TEST = Message(
    "help.test", "Run the test cases written for a rule file: expected totals, grades, item scores or errors."
)
HELP_CASES = Message("help.cases", "the case file (TOML), next to its rule file")
HELP_CHECK = Message(
    "help.check", "Validate a rule file, show what it says, and warn about rules that cannot work."
)
HELP_CHECK_RULES = Message("help.check_rules", "the rule file (TOML)")
HELP_SCHEMA = Message(
    "help.schema", "Print the JSON Schema (draft 2020-12) of an evidence file for a rule file."
)
HELP_VERIFY = Message(
    "help.verify", "Recompute a published result from its evidence and rules, and list every difference."
)
HELP_RESULT = Message("help.result", "the published result (JSON, from --format json)")
HELP_VERIFY_EVIDENCE = Message("help.verify_evidence", "the evidence file it was computed from")
HELP_EXAMPLE = Message("help.example", "example:")
HELP_EXAMPLES = Message("help.examples", "examples:")
HELP_OTHER_COMMANDS = Message(
    "help.other_commands",
    "other commands:\n"
    "  score annual EVIDENCE...     the year from its twelve monthly files\n"
    "  score check RULES            validate a rule file and show what it says\n"
    "  score test CASES             run the test cases written for a rule file\n"
    "  score schema [--rules PATH]  the JSON Schema of an evidence file\n"
    "  score verify RESULT EVIDENCE [--rules PATH]\n"
    "                               recompute a published result and compare",
)
HELP_EXIT_CODES = Message(
    "help.exit_codes",
    "exit codes:\n"
    "  0  done\n"
    "  1  invalid input: every problem on standard error as FILE: PATH: message\n"
    "  2  usage error\n"
    "  3  (verify) the result does not match its inputs\n"
    "  (test: 0 when every case passes, 1 when one fails or the case file is invalid)",
)
NOT_A_DATE_ARGUMENT = Message("usage.not_a_date", "not a date YYYY-MM-DD: {value}")
WIDTH_TOO_SMALL = Message("usage.width", "must be a whole number of at least {minimum}, got {value}")
USAGE_ERROR = Message("usage.error", "score: error: {message}")
SCHEMA_NEEDS_ONE_FILE = Message("usage.schema_folder", "score schema needs one rule file, not a folder")

# -- the command: what it reports -----------------------------------------------

CHECK_VALID = Message("check.valid", "{file}: valid")
CHECK_TITLE = Message("check.title", "{title} ({id}, version {version})")
CHECK_HEADER = Message(
    "check.header",
    "effective {dates}; assessed by {period}; {total} points, totals to {precision} decimal(s), half up",
)
CHECK_ISSUER = Message("check.issuer", "issuer: {issuer}")
CHECK_BASIS = Message("check.basis", "basis: {basis}")
CHECK_NIGHT = Message("check.night", "night: {start} to {end}")
CHECK_ITEMS = Message("check.items", "items (deducted in order until exhausted):")
CHECK_BONUS = Message("check.bonus", "bonus (capped at {cap}):")
CHECK_VETOES = Message("check.vetoes", "vetoes:")
CHECK_GRADES = Message("check.grades", "grades: {grades}")
CHECK_PER = Message("check.per", "{amount} per {unit}")
CHECK_FIXED = Message("check.fixed", "{amount} fixed")
CHECK_CAP = Message("check.cap", "cap {cap}")
CHECK_PRORATED = Message("check.prorated", "prorated by duty days")
CHECK_WARNINGS = Message("check.warnings", "{count} warning(s):")
CHECK_NO_WARNINGS = Message("check.no_warnings", "No warnings.")
TEST_PASSED = Message("test.summary", "{passed} of {total} case(s) passed.")
VERIFY_MISMATCH = Message("verify.mismatch", "{file} does not match its inputs ({count} difference(s)):")
VERIFY_MATCH = Message(
    "verify.match_whole",
    "{file} matches: the whole result (fingerprints, and for each of the {count} inspector(s) in order: "
    "identity, total, grade, vetoes, duty days, items with every deduction, bonus) is what its inputs give.",
)

# -- limits (issue 15): what is read at all, each bound checked before the work it guards ---

TOO_DEEP_TOML = Message("file.too_deep_toml", "nests arrays and tables too deep: at most {most} levels")
NUMBER_TOO_LONG = Message(
    "file.number_too_long",
    "a number is written with more than {most} digits (at line {line}, column {column})",
)
PLACEHOLDER_NOT_PLAIN = Message(
    "rules.placeholder_not_plain",
    "placeholder {value} takes no format or conversion; write {{{field}}}",
)
TEXT_TOO_LONG = Message("value.too_long", "is too long: at most {most} characters, got {length}")
DATE_TOO_LATE = Message(
    "value.too_late", "is too late for a notice period: at the latest {most}, got {value}"
)
PUBLISH_ON_TOO_LATE = Message("usage.publish_on_late", "a notice period must start by {most}, got {value}")
WIDTH_TOO_LARGE = Message("usage.width_large", "must be at most {maximum}, got {value}")
FILE_TOO_LARGE = Message("file.too_large", "is larger than this program reads: at most {most}")
VERIFY_LINE = Message("verify.line", "{path}: {difference}")
VERIFY_LINE_OF = Message("verify.line_of", "{inspector}: {path}: {difference}")
VERIFY_DIFFERS = Message("verify.differs", "the result says {said}, recomputed {computed}")
VERIFY_MISSING = Message("verify.missing", "missing from the result; recomputed {computed}")
VERIFY_EXTRA = Message("verify.extra", "the result says {said}, which the inputs do not give")
