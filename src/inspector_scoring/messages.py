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
NOTHING = Message("word.nothing", "nothing")
ONWARDS = Message("word.onwards", "{start} onwards")
FROM_TO = Message("word.from_to", "{start} to {end}")
#: the kinds of assessment period, by their value in a rule file
PERIOD_KINDS = {
    "month": Message("word.month", "month"),
    "quarter": Message("word.quarter", "quarter"),
    "year": Message("word.year", "year"),
}

# -- files ----------------------------------------------------------------------

CANNOT_READ = Message("file.cannot_read", "cannot read: {reason}")
CANNOT_WRITE = Message("file.cannot_write", "cannot write: {reason}")
NOT_UTF8 = Message("file.not_utf8", "not UTF-8 text (byte {byte})")
NOT_UTF8_GBK = Message(
    "file.not_utf8_gbk",
    "not UTF-8 text (byte {byte}): it looks like GBK/GB18030 (as Windows Notepad and Excel save "
    "Chinese text); save it again as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)",
)
NOT_UTF8_UTF16 = Message(
    "file.not_utf8_utf16",
    'not UTF-8 text (byte {byte}): it is UTF-16 (what Windows Notepad calls "Unicode"); save it '
    "again as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)",
)
INVALID_TOML = Message("file.invalid_toml", "invalid TOML: {reason}")
FILE_EMPTY = Message("file.empty", "the file is empty: it holds nothing, or only spaces and line breaks")
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
SCHEMA_QUOTED = Message(
    "value.schema_quoted", "the format version is a number: write {supported} without quotes, got {value}"
)
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
TITLE_LONE_BRACE = Message(
    "rules.title_lone_brace", "a }} stands without its {{; write }}}} for a brace in the title itself"
)
TITLE_UNCLOSED_BRACE = Message(
    "rules.title_unclosed_brace",
    "a {{ is not closed by its }}; the placeholders are {{township}} and {{period}}, and {{{{ is a "
    "brace in the title itself",
)
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
UNTIL_BEFORE_AT = Message("evidence.until_before_at", "must not be before {other} ({at}), got {value}")
UNTIL_TOO_LATE = Message(
    "evidence.until_too_late", "must be at most 24 hours after {other} ({at}), got {value}"
)
NOT_DATETIME = Message(
    "value.not_datetime", "must be a local date-time YYYY-MM-DDTHH:MM:SS without UTC offset, got {value}"
)
TOO_DEEP = Message("file.too_deep", "nests arrays and objects too deep: at most {most} levels")

# -- a year of monthly results --------------------------------------------------

NOT_A_MONTH = Message("annual.not_a_month", "{period} is not a month")
OTHER_TOWNSHIP = Message("annual.other_township", "{township} is not {first} ({source})")
OTHER_YEAR = Message("annual.other_year", "{period} is not in {year} ({source})")
FILE_TWICE = Message("annual.file_twice", "this file is given twice")
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

NO_SUCH_FOLDER = Message("output.no_such_folder", "cannot write: there is no folder {folder}")
FOLDER_TAKES_NO_FILE = Message(
    "output.folder_takes_no_file", "cannot write: no new file can be made in the folder {folder} ({reason})"
)
NOT_A_RESULT = Message("verify.not_a_result", "not a JSON result: {reason}")
RESULT_OF_A_YEAR = Message(
    "verify.result_of_a_year",
    "this is the result of a year ({kind}), not of one period: run score annual again on the same "
    "months' evidence and rule file, and compare",
)

# -- the command's output -------------------------------------------------------

OUTPUT_IS_INPUT = Message("output.is_input", "--output {output} is an input file; refusing to overwrite it")
OUTPUT_IS_PROGRAM = Message(
    "output.is_program",
    "--output {output} is one of the program's own files (its bundled rules); refusing to overwrite it",
)
OUTPUT_IS_STDIN = Message(
    "output.is_stdin", "--output {output} is the file standard input reads; refusing to overwrite it"
)
OUTPUT_IN_RULES = Message(
    "output.in_rules",
    "--output {output} is a rule file of the folder {folder} (--rules): it would replace one or be read as "
    "one; write it elsewhere",
)
STANDARD_OUTPUT = Message("output.stdout", "<standard output>")
#: what standard input is called where a file's name would stand (``score -``)
STANDARD_INPUT = Message("input.stdin", "<stdin>")

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
    "help.width",
    "width in cells of the table output "
    "(default: the terminal's; to a file or a pipe, COLUMNS, else {default})",
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
    "  score template --output FILE.xlsx\n"
    "                               the workbook to fill in with the month's records\n"
    "  score import WORKBOOK        a filled-in workbook as an evidence file (JSON)\n"
    "  score annual EVIDENCE...     the year from its monthly files (--to-date: so far)\n"
    "  score check RULES            validate a rule file and show what it says\n"
    "  score test CASES             run the test cases written for a rule file\n"
    "  score schema [--rules PATH]  the JSON Schema of an evidence file\n"
    "  score verify RESULT EVIDENCE [--rules PATH]\n"
    "                               recompute a published result and compare\n"
    "  score diff OLD NEW           what changed between two results (after objections)",
)
HELP_EXIT_CODES = Message(
    "help.exit_codes",
    "exit codes:\n"
    "  0  done\n"
    "  1  invalid input: every problem on standard error as FILE: PATH: message\n"
    "  2  usage error\n"
    "  3  verify: the result does not match its inputs; diff: a result changed\n"
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
#: a rule's or a veto's condition, by its comparison (``below``, ``above``)
CHECK_CONDITION = {
    "below": Message("check.below", "{metric} below {threshold}"),
    "above": Message("check.above", "{metric} above {threshold}"),
}
CHECK_MIN_MINUTES = Message(
    "check.min_minutes", "; counts {kind} records of at least {minutes} minutes with an end"
)
#: how monthly totals make the year's, by ``[annual] method``
ANNUAL_METHODS = {
    "mean": Message("word.mean", "the mean of the monthly totals"),
    "duty_weighted_mean": Message("word.duty_weighted_mean", "the monthly totals weighted by duty days"),
}
CHECK_PER = Message("check.per", "{amount} per {unit}")
CHECK_FIXED = Message("check.fixed", "{amount} fixed")
CHECK_CAP = Message("check.cap", "cap {cap}")
CHECK_PRORATED = Message("check.prorated", "prorated by duty days")
CHECK_WARNINGS = Message("check.warnings", "{count} warning(s):")
CHECK_NO_WARNINGS = Message("check.no_warnings", "No warnings.")
VERIFY_MISMATCH = Message("verify.mismatch", "{file} does not match its inputs ({count} difference(s)):")
VERIFY_MATCH = Message(
    "verify.match_whole",
    "{file} matches: the whole result (fingerprints, and for each of the {count} inspector(s) in order: "
    "identity, total, grade, vetoes, duty days, items with every deduction, bonus) is what its inputs give.",
)

# -- score check: warnings about rules that cannot work ---------------------------

ITEM_ZERO_POINTS = Message(
    "warn.item_zero_points", 'item "{item}" has 0 points, so its rules can never deduct anything'
)
BONUS_ZERO_CAP = Message(
    "warn.bonus_zero_cap", "the bonus cap is 0, so the bonus rules can never add anything"
)
BONUS_CAP_UNREACHABLE = Message(
    "warn.bonus_cap_unreachable",
    "the bonus cap {cap} is more than the bonus rules can ever give together ({most})",
)
SHADOWED_DEDUCTION = Message(
    "warn.shadowed_deduction",
    'never deducts anything: whenever it fires, the earlier rule "{earlier}" ({path}) fires too and '
    "uses up the item's {points} points first",
)
SHADOWED_BONUS = Message(
    "warn.shadowed_bonus",
    'never adds anything: whenever it fires, the earlier rule "{earlier}" ({path}) fires too and '
    "uses up the bonus cap of {cap} first",
)
NEVER_FIRES_DEDUCTION = Message(
    "warn.never_fires_deduction",
    "below = {below} can never fire (no value is below {below}), so this rule never deducts anything",
)
NEVER_FIRES_BONUS = Message(
    "warn.never_fires_bonus",
    "below = {below} can never fire (no value is below {below}), so this rule never adds anything",
)
PRORATED_TO_ZERO_DEDUCTION = Message(
    "warn.prorated_zero_deduction",
    "below = {below} with prorate = true is rounded to 0 even for a full month, so it can never fire "
    "and this rule never deducts anything",
)
PRORATED_TO_ZERO_BONUS = Message(
    "warn.prorated_zero_bonus",
    "below = {below} with prorate = true is rounded to 0 even for a full month, so it can never fire "
    "and this rule never adds anything",
)
ZERO_AMOUNT_DEDUCTION = Message(
    "warn.zero_amount_deduction", "{key} = 0, so this rule never deducts anything"
)
ZERO_AMOUNT_BONUS = Message("warn.zero_amount_bonus", "{key} = 0, so this rule never adds anything")
VETO_NEVER_FIRES = Message(
    "warn.veto_never_fires",
    "below = {below} can never fire (no value is below {below}), so this veto never applies",
)
GRADE_ABOVE_TOTAL = Message(
    "warn.grade_above_total", 'grade "{grade}" can never be given: its min {min} is above the total {total}'
)
GRADE_NO_TOTAL = Message(
    "warn.grade_no_total",
    'grade "{grade}" can never be given: no total rounded to {precision} decimal(s) is at least {min} '
    "and below {upper}",
)
METRIC_UNUSED = Message("warn.metric_unused", 'metric "{metric}" is not used by any rule or veto')

# -- score test: the report -----------------------------------------------------

CASE_PASS = Message("test.pass", "PASS {name}")
CASE_FAIL = Message("test.fail", "FAIL {name}")
CASE_SUMMARY = Message("test.summary", "{passed} passed, {failed} failed")
CASE_EVIDENCE_INVALID = Message("test.evidence_invalid", "evidence is invalid: {problem}")
CASE_EXPECTED_ERRORS = Message(
    "test.expected_errors", "errors: expected problems at {paths}, but the evidence scored without any"
)
CASE_EXPECTED_MESSAGES = Message(
    "test.expected_messages",
    "error_messages: expected {count} problem(s), but the evidence scored without any",
)
CASE_NO_INSPECTOR = Message(
    "test.no_inspector", "{inspector}: no such inspector in the evidence (it has {known})"
)
CASE_MISMATCH = Message("test.mismatch", "{who}: {key}: expected {want}, got {got}")
CASE_MISSING_ERROR = Message("test.missing_error", "errors: expected a problem at {path}, got none")
CASE_UNEXPECTED_ERROR = Message("test.unexpected_error", "errors: unexpected problem {problem}")
CASE_MISSING_MESSAGE = Message("test.missing_message", "error_messages: expected {line}, got none")
CASE_UNEXPECTED_MESSAGE = Message("test.unexpected_message", "error_messages: unexpected {line}")
WHOLE_FILE = Message("word.whole_file", "(the whole file)")

# -- why a file is not JSON or TOML (the parsers' own reasons, in their English) ---

JSON_EXPECTING_VALUE = Message("json.expecting_value", "Expecting value")
JSON_EXPECTING_COMMA = Message("json.expecting_comma", "Expecting ',' delimiter")
JSON_EXPECTING_COLON = Message("json.expecting_colon", "Expecting ':' delimiter")
JSON_EXPECTING_NAME = Message("json.expecting_name", "Expecting property name enclosed in double quotes")
JSON_UNTERMINATED_STRING = Message(
    "json.unterminated_string", "a text starting here has no closing double quote"
)
JSON_CONTROL_CHARACTER = Message(
    "json.control_character", "an invisible control character here (a text cannot break a line or hold a tab)"
)
JSON_INVALID_ESCAPE = Message("json.invalid_escape", "Invalid \\escape")
JSON_INVALID_U_ESCAPE = Message("json.invalid_u_escape", "Invalid \\uXXXX escape")
JSON_EXTRA_DATA = Message("json.extra_data", "Extra data")
JSON_TRAILING_COMMA_OBJECT = Message(
    "json.trailing_comma_object", "Illegal trailing comma before end of object"
)
JSON_TRAILING_COMMA_ARRAY = Message("json.trailing_comma_array", "Illegal trailing comma before end of array")
TOML_AT = Message("toml.at", "{reason} (at line {line}, column {column})")
TOML_AT_END = Message("toml.at_end", "{reason} (at end of document)")
TOML_FULL_WIDTH_AT = Message(
    "toml.full_width_at",
    "{reason} (at line {line}, column {column}): the full-width character {char} stands there; TOML "
    "needs the ASCII {ascii} (switch the input method to half-width)",
)
TOML_DECLARED_TWICE = Message("toml.declared_twice", "Cannot declare {key} twice")
TOML_IMMUTABLE = Message("toml.immutable", "Cannot mutate immutable namespace {key}")
TOML_OVERWRITE = Message("toml.overwrite", "Cannot overwrite a value")
TOML_REDEFINE = Message("toml.redefine", "Cannot redefine namespace {key}")
TOML_DUPLICATE_INLINE_KEY = Message("toml.duplicate_inline_key", "Duplicate inline table key {key}")
TOML_BAD_ESCAPE_VALUE = Message("toml.bad_escape_value", "Escaped character is not a Unicode scalar value")
TOML_EXPECTED_EQUALS = Message("toml.expected_equals", "Expected '=' after a key in a key/value pair")
TOML_EXPECTED_TABLE_END = Message("toml.expected_table_end", "Expected ']' at the end of a table declaration")
TOML_EXPECTED_ARRAY_TABLE_END = Message(
    "toml.expected_array_table_end", "Expected ']]' at the end of an array declaration"
)
TOML_EXPECTED_NEWLINE = Message(
    "toml.expected_newline", "Expected newline or end of document after a statement"
)
TOML_EXPECTED = Message("toml.expected", "Expected {expected}")
TOML_INVALID_CHARACTER = Message("toml.invalid_character", "Found invalid character {char}")
TOML_ILLEGAL_CHARACTER = Message("toml.illegal_character", "Illegal character {char}")
TOML_INVALID_DATE = Message("toml.invalid_date", "Invalid date or datetime")
TOML_INVALID_HEX = Message("toml.invalid_hex", "Invalid hex value")
TOML_INVALID_KEY = Message("toml.invalid_key", "Invalid initial character for a key part")
TOML_INVALID_STATEMENT = Message("toml.invalid_statement", "Invalid statement")
TOML_INVALID_VALUE = Message("toml.invalid_value", "Invalid value")
TOML_UNCLOSED_ARRAY = Message("toml.unclosed_array", "Unclosed array")
TOML_UNCLOSED_INLINE_TABLE = Message("toml.unclosed_inline_table", "Unclosed inline table")
TOML_UNESCAPED_BACKSLASH = Message("toml.unescaped_backslash", "Unescaped '\\' in a string")
TOML_UNTERMINATED_STRING = Message("toml.unterminated_string", "Unterminated string")

# -- the system's reasons (their English is the system's own wording) --------------

OS_NOT_FOUND = Message("os.not_found", "No such file or directory")
OS_PERMISSION = Message("os.permission", "Permission denied")
OS_NOT_PERMITTED = Message("os.not_permitted", "Operation not permitted")
OS_IS_FOLDER = Message("os.is_folder", "Is a directory")
OS_NOT_FOLDER = Message("os.not_folder", "Not a directory")
OS_DISK_FULL = Message("os.disk_full", "No space left on device")
OS_READ_ONLY = Message("os.read_only", "Read-only file system")
OS_NAME_TOO_LONG = Message("os.name_too_long", "File name too long")
OS_LINK_LOOP = Message("os.link_loop", "Too many levels of symbolic links")
OS_IO_ERROR = Message("os.io_error", "Input/output error")
OS_FILE_TOO_LARGE = Message("os.file_too_large", "File too large")
OS_TRY_AGAIN = Message("os.try_again", "Resource temporarily unavailable")
OS_NO_DEVICE = Message("os.no_device", "No such device or address")
OS_INVALID = Message("os.invalid", "Invalid argument")
OS_BUSY = Message("os.busy", "Device or resource busy")
OS_TOO_MANY_FILES = Message("os.too_many_files", "Too many open files")
OS_NO_MEMORY = Message("os.no_memory", "Cannot allocate memory")
OS_QUOTA = Message("os.quota", "Disk quota exceeded")
OS_EXISTS = Message("os.exists", "File exists")
OS_CROSS_DEVICE = Message("os.cross_device", "Invalid cross-device link")
OS_TIMED_OUT = Message("os.timed_out", "Connection timed out")
OS_STALE = Message("os.stale", "Stale file handle")
OS_INTERRUPTED = Message("os.interrupted", "Interrupted system call")
OS_NOT_SUPPORTED = Message("os.not_supported", "Operation not supported")
OS_CLOSED = Message("os.closed", "Bad file descriptor (the stream is closed)")
#: a reason of the system's that has no message of its own: its number (the system's words,
#: in its language, are not the chosen language's)
OS_OTHER = Message("os.other", "the system refused (error number {number})")
# -- after the notice: corrections, ranking, the year so far, next year's calendar --------

NEEDS_KEY = Message("rules.needs_key", "only with {key}")
OUTCOME_NOT_MONTHLY = Message(
    "rules.outcome_not_monthly", "{value} is not an outcome applied month by month; those are: {ids}"
)
CALENDAR_RANGE = Message("rules.calendar_range", "from {start} to {end} is not a range of 1 to 31 days")
CALENDAR_OTHER_YEAR = Message("rules.calendar_other_year", "{day} is not in {year}")
CALENDAR_YEAR_TWICE = Message(
    "rules.calendar_year_twice", "the schedule of {year} is given twice (also at {other})"
)
CALENDAR_WORKDAY_WEEKDAY = Message(
    "rules.calendar_workday_weekday",
    "{day} is a weekday; a make-up workday (调休上班) is a Saturday or a Sunday",
)
CALENDAR_BOTH = Message("rules.calendar_both", "{day} is both a holiday and a make-up workday")
CORRECTS_OTHER = Message(
    "corrects.other", "{value} is not {other} ({source}): a correction is of the same township and period"
)
MONTHS_MISSING_TO_DATE = Message(
    "annual.months_missing_to_date", "the year so far, up to {through}, needs every month; missing: {missing}"
)
HELP_CORRECTS = Message(
    "help.corrects",
    "the published result (JSON) this one corrects after objections: the result names it "
    "and the notice becomes a 复核结果公示 listing what changed",
)
HELP_DIFF = Message(
    "help.diff",
    "Compare two results of one township and period (a published one and its correction) "
    "and print what changed for each inspector.",
)
HELP_DIFF_OLD = Message("help.diff_old", "the earlier result (JSON)")
HELP_DIFF_NEW = Message("help.diff_new", "the later result (JSON)")
HELP_TO_DATE = Message(
    "help.to_date",
    "the year so far: the months from January to the latest given, as an interim notice "
    "(not the annual assessment)",
)
HELP_VERIFY_CORRECTS = Message(
    "help.verify_corrects", "the published result a corrected result names: check its sha256 too"
)
DIFF_SAME = Message("diff.same", "{old} and {new}: no inspector's result changed ({count} compared).")
DIFF_CHANGED = Message("diff.changed", "{old} → {new}: {count} inspector(s) changed, {unchanged} unchanged:")
# -- what a correction changed (score diff, and the 复核结果 of the corrected notice) --
CHANGE_HEADING = Message("change.heading", "{number}. {name} ({mine})")
CHANGE_HEADING_NO_MINE = Message("change.heading_no_mine", "{number}. {name}")
CHANGE_SCORE = Message("change.score", "{what}: {before} → {after}")
CHANGE_BONUS = Message("change.bonus", "bonus")
CHANGE_TOTAL = Message("change.total", "total")
CHANGE_GRADE = Message("change.grade", "grade")
CHANGE_RULE = Message("change.rule", "[{item}] “{text}”: {facts}.")
CHANGE_BEFORE = Message("change.before", "before review: {facts}")
CHANGE_AFTER = Message("change.after", "after review: {facts}")
CHANGE_BEFORE_NO_DEDUCTION = Message("change.before_no_deduction", "before review: nothing deducted")
CHANGE_AFTER_NO_DEDUCTION = Message("change.after_no_deduction", "after review: no longer deducted")
CHANGE_BEFORE_NO_BONUS = Message("change.before_no_bonus", "before review: nothing added")
CHANGE_AFTER_NO_BONUS = Message("change.after_no_bonus", "after review: no longer added")
CHANGE_RECORDS_ADDED = Message("change.records_added", "records now counted: {refs}")
CHANGE_RECORDS_REMOVED = Message("change.records_removed", "records no longer counted: {refs}")
CHANGE_DUTY_DAYS = Message(
    "change.duty_days", "[days on duty] before review: {before} day(s); after review: {after} day(s)."
)
CHANGE_PERSON_ADDED = Message("change.person_added", "[inspector] added on review.")
CHANGE_PERSON_REMOVED = Message("change.person_removed", "[inspector] no longer listed after review.")
CHANGE_VETO_FOUND = Message(
    "change.veto_found", "[veto] “{text}”: found on review: {facts}; the grade is at most {grade}."
)
CHANGE_VETO_LIFTED = Message(
    "change.veto_lifted",
    "[veto] “{text}”: before review: {facts}, the grade at most {grade}; lifted on review.",
)
CHANGE_VETO_CHANGED = Message(
    "change.veto_changed",
    "[veto] “{text}”: before review: {before}; after review: {after}; the grade is at most {grade}.",
)
CHANGE_OTHER = Message("change.other", "[other] the two results differ besides, at {paths}.")
CHANGE_OTHER_MORE = Message(
    "change.other_more", "[other] the two results differ besides, at {paths} and {count} more place(s)."
)
CHANGE_NAME = Message("change.name", "[name] before review: {before}; corrected on review: {after}.")
CHANGE_MINE = Message("change.mine", "[mine] before review: {before}; corrected on review: {after}.")
#: a veto's metric and value when the rule file is not at hand (score diff reads results only)
CHANGE_VETO_VALUE = Message("change.veto_value", "{metric} = {value}")
CHANGE_NONE = Message("change.none", "No inspector's result changed on review.")
VERIFY_CORRECTS_MATCH = Message("verify.corrects_match", "It corrects {file} (sha256 {sha256}).")
CHECK_NOTICE = Message("check.notice", "notice: {title}; posted for {days} working day(s)")
CHECK_RANK = Message(
    "check.rank", "ranked (名次): tied totals share a place, the next place follows without a gap"
)
CHECK_ANNUAL = Message(
    "check.annual", "annual: {method}; at least {min_months} month(s) on duty; grades: {grades}"
)
CHECK_ANNUAL_VETO = Message("check.annual_veto", "  a vetoed month: the annual grade at best {grade}")
CHECK_ANNUAL_VETO_MONTHS = Message(
    "check.annual_veto_months", "  vetoed in {months} month(s) or more: the annual grade is {grade}"
)
CHECK_OUTCOMES = Message("check.outcomes", "outcomes (结果运用):")
CHECK_OUTCOME_LOWEST = Message(
    "check.outcome_lowest",
    "  - {text} [{id}: among the {count} lowest of a month, ties at the boundary included]",
)
CHECK_OUTCOME_CONSECUTIVE = Message(
    "check.outcome_consecutive", "  - {text} [{id}: {grade} or worse in {months} consecutive months]"
)
CHECK_OUTCOME_ANNUAL = Message(
    "check.outcome_annual", "  - {text} [{id}: an annual grade of {grade} or worse]"
)
CHECK_OUTCOME_REPEATED = Message(
    "check.outcome_repeated", "  - {text} [{id}: {outcome} in {count} months of the year]"
)
CHECK_CALENDAR = Message(
    "check.calendar",
    "calendar {year}: {holidays} day(s) off, {workdays} make-up workday(s); source: {source}",
)

# -- published formats (HTML, workbook, SVG, table) ------------------------------

XLSX_TO_TERMINAL = Message(
    "usage.xlsx_terminal",
    "--format xlsx writes a workbook, which a terminal cannot show: add --output FILE.xlsx, "
    "or redirect standard output to a file",
)
# -- the workbook: the rule file's [kinds] ------------------------------------------

KIND_NOT_DERIVED = Message("rules.kind_not_derived", "no metric derives from the event kind {value}{hint}")
KIND_TITLE_TWICE = Message("rules.kind_title_twice", "the sheet name {value} is taken already (at {first})")
KIND_FIELD_OWN = Message(
    "rules.kind_field_own", "{value} has a column of its own in every event sheet; list only extra fields"
)
KIND_HEADER_TAKEN = Message("rules.kind_header_taken", "the column {value} is taken already in this sheet")
NOT_SHEET_NAME = Message(
    "rules.not_sheet_name",
    "must be a sheet name: 1 to {most} characters, none of [ ] : * ? / \\, got {value}",
)
SHEET_TAKEN = Message("rules.sheet_taken", "{value} is the name of a sheet every workbook has")

# -- the workbook: its sheets, columns and cells ----------------------------------

NOT_A_WORKBOOK = Message(
    "workbook.unreadable",
    "cannot read the workbook: the file is damaged, or is no .xlsx, .xls or .ods workbook; open it in "
    "Excel or WPS and save it again as .xlsx",
)
SHEET_MISSING = Message("workbook.sheet_missing", "missing required sheet")
SHEET_UNKNOWN = Message("workbook.sheet_unknown", "unknown sheet{hint}")
SHEET_KIND_TWICE = Message("workbook.sheet_kind_twice", "a second sheet of the event kind {kind}")
COLUMN_MISSING = Message("workbook.column_missing", "missing required column {value}")
COLUMN_UNKNOWN = Message("workbook.column_unknown", "unknown column {value}{hint}")
COLUMN_TWICE = Message("workbook.column_twice", "the column {value} is given twice")
COLUMN_NO_HEADER = Message("workbook.column_no_header", "this column has values but no header")
ROW_MISSING = Message("workbook.row_missing", "missing required row {value}")
ROW_UNKNOWN = Message("workbook.row_unknown", "unknown row {value}{hint}")
ROW_TWICE = Message("workbook.row_twice", "the row {value} is given twice (first at {first})")
CELL_NOT_TEXT = Message("workbook.not_text", "must be text, got {value}")
CELL_NOT_DATE = Message(
    "workbook.not_date",
    "must be a date (a spreadsheet date, or text like 2021-03-05, 2021/3/5 or 2021年3月5日), got {value}",
)
CELL_NOT_MOMENT = Message(
    "workbook.not_moment",
    "must be a date and time (a spreadsheet date-time, or text like 2021-03-05 08:30), got {value}",
)
CELL_NOT_DATE_OR_MOMENT = Message(
    "workbook.not_date_or_moment",
    "must be a date or a date and time (a spreadsheet date, or text like 2021-03-05 or "
    "2021-03-05 08:30), got {value}",
)
CELL_NOT_NUMBER = Message("workbook.not_number", "must be a number, got {value}")
CELL_FORMULA_ERROR = Message(
    "workbook.formula_error",
    "the cell shows the error {value}: its formula failed; correct the formula or type the value in",
)
CELL_FORMULA_ERROR_UNSAVED = Message(
    "workbook.formula_error_unsaved",
    "the cell is marked as a formula's error, with no value saved; correct the formula or type the value in",
)
FULL_WIDTH_CHAR = Message(
    "value.full_width",
    "{value} holds the full-width character {char}; type the ASCII {ascii} (switch the input method "
    "to half-width)",
)
CELL_NOT_PERIOD = Message(
    "workbook.not_period",
    "must be a period like 2021-03, 2021年3月, 2021-Q1, 2021年第一季度, 2021 or 2021年度, got {value}",
)
CARD_TWICE = Message("workbook.card_twice", "the card {card} is listed already (at {first})")
NO_SUCH_ID = Message("workbook.no_such_id", "no inspector in 人员 has the 编号 {value}{hint}")
NO_SUCH_NAME = Message("workbook.no_such_name", "no inspector in 人员 is called {value}{hint}")
NAME_SHARED = Message(
    "workbook.name_shared", "several inspectors in 人员 are called {value} ({ids}); name them by 编号"
)
ID_OTHER_NAME = Message("workbook.id_other_name", "the 编号 {id} is {name} in 人员, not {value}")
CARD_OTHER_NAME = Message(
    "workbook.card_other_name",
    "the card {card} is {name}'s in 人员, but this row names {value}: one card under two names "
    "(someone else's card, 捎卡?)",
)
CARD_NOT_LISTED = Message(
    "workbook.card_not_listed",
    "the card {card} is not among {name}'s cards in 人员: add it to their 卡号, or check whose card "
    "it is (someone else's card, 捎卡?)",
)
NO_WHO = Message("workbook.no_who", "say which inspector: fill in 编号 or 姓名")
NO_WHO_CARD = Message("workbook.no_who_card", "say which inspector: fill in 编号, 姓名 or 卡号")
NO_WHO_COLUMN = Message("workbook.no_who_column", "needs a column 编号 or 姓名 saying which inspector")
NO_WHO_COLUMN_CARD = Message(
    "workbook.no_who_column_card", "needs a column 编号, 姓名 or 卡号 saying which inspector"
)
COUNT_TWICE = Message("workbook.count_twice", "this inspector's count is given already (at {first})")
WHO_AND_MORE = Message("workbook.who_and_more", "{names} and {count} more")
#: an inspector named with the id, where the roster has another of the same name
NAME_AND_ID = Message("workbook.name_and_id", "{name} ({id})")
POINTS = Message("word.points", "{points} points")
MISSING_IN_COUNTS = Message(
    "workbook.missing_in_counts",
    "missing evidence for metric {metric} ({title}) of {who}: give it in a column of this sheet",
)
MISSING_SHEET = Message(
    "workbook.missing_sheet",
    "missing evidence for metric {metric} ({title}) of {who}: add the sheet {sheet} (with no rows if "
    "nothing happened), or a column in 计数",
)

# -- the workbook: the commands ----------------------------------------------------

HELP_TEMPLATE = Message(
    "help.template",
    "Write the empty workbook (.xlsx) a township fills in for a rule file: its sheets, headers, "
    "input checks and a 说明 sheet.",
)
HELP_TEMPLATE_OUTPUT = Message("help.template_output", "the workbook to write (.xlsx)")
HELP_IMPORT = Message(
    "help.import",
    "Turn a workbook (.xlsx, .xls, .ods) into the evidence file (JSON) it stands for, the same bytes "
    "on every run.",
)
HELP_WORKBOOK = Message("help.workbook", "the workbook (.xlsx, .xls or .ods)")
HELP_POSITIONING = Message(
    "help.positioning",
    "a positioning system's export (CSV, .xls, .xlsx) to add to the workbook's underground records; "
    "may be given more than once",
)
HELP_MAPPING = Message(
    "help.mapping",
    "the column mapping (TOML) of the exports; default: the bundled one for 姓名, 卡号, 入井时间, 升井时间",
)
TEMPLATE_NEEDS_OUTPUT = Message(
    "usage.template_output", "a workbook is not for a terminal: give --output FILE.xlsx"
)
IMPORT_LEFT_OUT = Message(
    "import.left_out", "{file}: {sheet}: left out {rows} row(s) of {cards} card(s) not listed in 人员"
)
IMPORT_DONE = Message("import.done", "{file}: {inspectors} inspector(s), {events} event(s)")
NEEDS_ONE_RULE_FILE = Message("usage.one_rule_file", "{command} needs one rule file, not a folder")
MAPPING_NO_WHO = Message("positioning.no_who", "must name a column id, name or card, saying whose row it is")
EXPORT_NO_HEADER = Message(
    "positioning.no_header", "no row of the first 30 holds the columns {columns} that {mapping} names"
)
EXPORT_SAME_NAME = Message(
    "positioning.same_name",
    "has the same file name as {other}: their records would have the same refs ({name}第N行); "
    "rename one of them",
)
EXPORT_KIND = Message(
    "positioning.kind", "the event kind {kind} of {mapping} is not one the rule file counts"
)
IMPORT_NOT_A_WORKBOOK = Message(
    "import.not_a_workbook",
    "is no workbook (.xlsx, .xls or .ods), which is what score import reads: evidence in JSON is "
    "scored as it is (score FILE), and a positioning export is read with --positioning beside the "
    "workbook",
)
CHECK_KINDS = Message("check.kinds", "workbook sheets of the event kinds:")
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
VERIFY_CORRECTS_UNCHECKED = Message(
    "verify.corrects_unchecked",
    "It says it corrects the published result with sha256 {sha256}; give that file with --corrects "
    "to check it.",
)
# -- workbooks and exports under hostile input (fuzzing, issue 15) --------------------------
SHEET_TOO_LARGE = Message(
    "workbook.sheet_too_large",
    "the sheet reaches cell {cell}: {rows} rows by {columns} columns is more than the {most} cells "
    "this program reads; clear the cells far below or to the right of the records",
)
WORKBOOK_UNPACKS_TOO_LARGE = Message(
    "workbook.unpacks_too_large",
    "unpacks to {size} MiB, more than the {most} MiB this program reads; was it saved by a "
    "spreadsheet program?",
)
EXPORT_NOT_CSV = Message("positioning.not_csv", "cannot be read as CSV at line {line}")
EXPORT_CELL_TOO_LONG = Message(
    "positioning.cell_too_long",
    "line {line} has a cell longer than {most} characters, which no positioning export has: is "
    "this the right file?",
)
WORKBOOK_NO_PERIOD = Message(
    "workbook.no_period",
    "no period (考核期) can be read here, so no rule file of the folder {folder} can be chosen; "
    "fill in 考核期, or give one rule file with --rules",
)
