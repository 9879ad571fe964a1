"""The loader's and the model's refusals and notes, in English and 简体中文: one module.

`MESSAGES` holds the loader's messages by key (`say(key, ...)` fills one in) and `ZH` their
Chinese. Older messages are still worded where they are found; `TRANSLATIONS` pairs each of
those English templates with its Chinese. `localize(message, "zh")` reads any message back
against both and gives it in Chinese; a message neither knows stays English, so nothing is
ever lost.

To add a message: add a key to `MESSAGES` and `ZH` (and call `say`), or, for a message
worded inline, one pair to `TRANSLATIONS`: the English exactly as the code words it with each
variable part written `{name}` (the same name twice means the same text twice), and the
Chinese using the same names. tests/io/test_io_messages.py checks that every refusal of the
bad-file fixtures and of the model is known here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MESSAGES = {
    "control": "control character {name} is not allowed in a diagram file; delete it "
               "(it usually comes from copy-pasting)",
    "bidi": "invisible text-direction character {name} is not allowed in a diagram file: it "
            "makes text display in another order than it is read; delete it",
    "separator": "invisible line separator {name} is not allowed as written: editors show no "
                 "line break here but YAML readers disagree; delete it, or write it as an escape "
                 "in double quotes (\"\\u2028\")",
    "control_escaped": "this text holds control character {name} (written as an escape); "
                       "diagram text may hold tabs and line breaks but no other control "
                       "characters: delete the escape",
    "too_big": "the number {shown} is too big for any diagram value; check for a typo",
    "octal_note": "note: `{text}` is read as {new} (YAML 1.2, as editors read it); FunnelFlow "
                  "0.1 read it as {old} (octal). Write {new} to keep this reading, or {old} if "
                  "you meant the old one",
    "old_version_note": "note: this file is format version {old}; it was read as version {new} "
                        "and will be saved as version {new}",
    "utf16": "the file is UTF-16 ({order}), not UTF-8; re-save it as UTF-8, e.g. in Notepad "
             "'Save as' -> UTF-8, or `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml`",
    "utf32": "the file is UTF-32, not UTF-8; re-save it as UTF-8, e.g. "
             "`iconv -f UTF-32 -t UTF-8 old.yaml > new.yaml`",
}


#: the Chinese of each keyed message, with the same blanks
ZH = {
    "control": "流程图文件中不允许出现控制字符 {name}；请删除它（它通常来自复制粘贴）",
    "bidi": "流程图文件中不允许出现不可见的文字方向字符 {name}：它会让文字的显示顺序与阅读顺序"
            "不同；请删除它",
    "separator": "不允许直接写入不可见的行分隔符 {name}：编辑器在这里不显示换行，但各 YAML 读取器"
                 "的理解不一致；请删除它，或在双引号中写成转义（\"\\u2028\"）",
    "control_escaped": "这段文本含有控制字符 {name}（以转义写出）；流程图文本可以含有 Tab 和换行，"
                       "但不能有其他控制字符：请删除该转义",
    "too_big": "数字 {shown} 对任何流程图数值来说都太大；请检查是否输错",
    "octal_note": "提示：`{text}` 读作 {new}（YAML 1.2，与编辑器一致）；FunnelFlow 0.1 曾把它读作 "
                  "{old}（八进制）。写成 {new} 可保留现在的读法，若原意如此请写 {old}",
    "old_version_note": "提示：此文件的格式版本为 {old}；已按版本 {new} 读取，"
                        "并将以版本 {new} 保存",
    "utf16": "文件是 UTF-16 编码（{order}），不是 UTF-8；请另存为 UTF-8，例如在记事本中“另存为”时"
             "选择 UTF-8，或运行 `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml`",
    "utf32": "文件是 UTF-32 编码，不是 UTF-8；请另存为 UTF-8，例如运行 "
             "`iconv -f UTF-32 -t UTF-8 old.yaml > new.yaml`",
}


def say(key: str, **values: Any) -> str:
    """The message `key` with its blanks filled in."""
    return MESSAGES[key].format(**values)


def shown_number(text: str) -> str:
    """A long number as a message can show it: its start and how many digits it has."""
    digits = sum(ch.isdigit() for ch in text)
    return text if len(text) <= 24 else f"{text[:12]}… ({digits:,} digits)"


FIRST = "`funnelflow: 1`"  # (written out: the table is read by people, not formatted)

#: (English template, Chinese template) for the messages worded inline where found
TRANSLATIONS: tuple[tuple[str, str], ...] = (
    # -- the file as a whole (app/io/yaml_load.py) -------------------------------------------
    ("is a folder, not a diagram file", "是文件夹，不是流程图文件"),
    ("is not a regular file", "不是普通文件"),
    ("no such file; check the name and the folder", "文件不存在；请检查文件名和所在文件夹"),
    ("permission denied; check that you may read this file", "没有权限；请确认你可以读取此文件"),
    ("cannot be read: {reason}", "无法读取：{reason}"),
    ("the data is nested too deeply to read", "数据嵌套过深，无法读取"),
    ("not enough memory to read this file", "内存不足，无法读取此文件"),
    ("could not be read ({error}); please report this as a FunnelFlow bug",
     "无法读取（{error}）；请将此问题作为 FunnelFlow 的缺陷报告"),
    ("the file is empty; a diagram starts with {first} followed by a title, lanes and nodes",
     "文件是空的；流程图以 {first} 开头，后面是标题、泳道和节点"),
    ("the file holds no data (only comments?); a diagram starts with {first}",
     "文件中没有数据（只有注释？）；流程图以 {first} 开头"),
    ("the top level must be a mapping of keys such as {first}, `title:` and `lanes:`; "
     "found a list",
     "顶层必须是由键组成的映射，例如 {first}、`title:` 和 `lanes:`；实际是一个列表"),
    ("the top level must be a mapping of keys such as {first}, `title:` and `lanes:`; "
     "found the single value {value}",
     "顶层必须是由键组成的映射，例如 {first}、`title:` 和 `lanes:`；实际是单个值 {value}"),
    ("the file is not UTF-8 (byte {byte} here); it may be GBK (Chinese Windows): re-save it "
     "as UTF-8, e.g. in Notepad 'Save as' -> UTF-8, or `iconv -f GBK -t UTF-8 old.yaml > "
     "new.yaml`",
     "文件不是 UTF-8 编码（此处字节为 {byte}）；可能是 GBK（中文 Windows）：请另存为 UTF-8，"
     "例如在记事本中“另存为”时选择 UTF-8，或运行 `iconv -f GBK -t UTF-8 old.yaml > new.yaml`"),
    ("is {size} bytes, over the limit of {limit} bytes ({mb} MB) for a diagram file; split "
     "the diagram",
     "大小为 {size} 字节，超过流程图文件 {limit} 字节（{mb} MB）的上限；请拆分流程图"),
    # -- YAML (app/io/yaml_tree.py) --------------------------------------------------------
    ("this line is indented with a tab; YAML indents with spaces only: replace the tab with "
     "spaces", "这一行用 Tab 缩进；YAML 只能用空格缩进：请把 Tab 换成空格"),
    ("the data is nested more than {depth} levels deep; a diagram needs only a few levels: "
     "check the indentation", "数据嵌套超过 {depth} 层；流程图只需要几层：请检查缩进"),
    ("aliases ({alias}) are not allowed in a diagram file; write the value out in full",
     "流程图文件中不允许使用别名（{alias}）；请完整写出该值"),
    ("a diagram file holds one YAML document; remove the second `---` and what follows, or "
     "split the file",
     "一个流程图文件只能包含一个 YAML 文档；请删除第二个 `---` 及其后的内容，或拆分文件"),
    ("duplicate key {key} (first written on line {line}); a key may appear only once in a "
     "mapping: merge the two or remove one",
     "重复的键 {key}（第 {line} 行已写过）；同一映射中每个键只能出现一次：请合并或删除其一"),
    ("anchors ({anchor}) are not allowed in a diagram file; write each value out in full",
     "流程图文件中不允许使用锚点（{anchor}）；请完整写出每个值"),
    ("tags such as {tag} are not allowed in a diagram file (they can run code or hide data); "
     "remove the tag",
     "流程图文件中不允许使用 {tag} 这样的标签（它们可能执行代码或隐藏数据）；请删除该标签"),
    ("a key must be plain text, not a list, a mapping or an alias; write `name: value`",
     "键必须是纯文本，不能是列表、映射或别名；请写成 `name: value`"),
    ("YAML syntax error: {problem} ({context})", "YAML 语法错误：{problem}（{context}）"),
    ("YAML syntax error: {problem}", "YAML 语法错误：{problem}"),
    ("this line holds a tab: YAML indents with spaces only",
     "这一行含有 Tab：YAML 只能用空格缩进"),
    ("put the value in double quotes", "请把该值放在双引号中"),
    ("check the indentation and that every `key: value` has a space after ':'",
     "请检查缩进，并确认每个 `key: value` 的冒号后面都有空格"),
    # what the YAML parser says, inside a syntax error
    ("did not find expected '-' indicator", "缺少预期的列表标记“-”"),
    ("did not find expected key", "缺少预期的键"),
    ("did not find expected node content", "缺少预期的内容"),
    ("mapping values are not allowed here", "此处不允许出现“键: 值”"),
    ("could not find expected ':'", "缺少预期的“:”"),
    ("found character {char} that cannot start any token", "字符 {char} 不能出现在值的开头"),
    ("found unexpected end of stream", "文件意外结束"),
    ("found unknown escape character {char}", "未知的转义字符 {char}"),
    ("found unknown escape character", "未知的转义字符"),
    ("did not find expected ',' or ']'", "缺少预期的“,”或“]”"),
    ("did not find expected ',' or '}}'", "缺少预期的“,”或“}}”"),
    ("while parsing a quoted scalar", "读取带引号的值时"),
    ("expected <block end>, but found {found}", "缩进不一致：此处应结束上一块，却遇到 {found}"),
    ("expected ',' or '}}', but got {found}", "此处应为“,”或“}}”，却遇到 {found}"),
    ("expected ',' or ']', but got {found}", "此处应为“,”或“]”，却遇到 {found}"),
    ("while parsing a block collection", "解析列表时"),
    ("while parsing a block mapping", "解析映射时"),
    ("while parsing a flow mapping", "解析行内映射时"),
    ("while parsing a flow sequence", "解析行内列表时"),
    ("while scanning a simple key", "读取键时"),
    ("while scanning a quoted scalar", "读取带引号的值时"),
    ("while scanning a plain scalar", "读取值时"),
    ("while parsing a block node", "解析内容时"),
    # -- format versions (app/io/migrate.py) -----------------------------------------------
    ("this is not a FunnelFlow diagram yet: add {first} as the first line",
     "这还不是 FunnelFlow 流程图：请在第一行加上 {first}"),
    ("the format version must be a whole number such as {n}, got {got}; write {first}",
     "格式版本必须是整数，例如 {n}，实际是 {got}；请写成 {first}"),
    ("this file is format version {version}, but this FunnelFlow reads up to version {max}; "
     "update FunnelFlow to open it",
     "此文件的格式版本为 {version}，而当前 FunnelFlow 最高只能读取版本 {max}；"
     "请更新 FunnelFlow 后再打开"),
    # -- the document's rules (app/model/diagram.py) ---------------------------------------
    ("duplicate {what} id {id}; every {what} needs its own id",
     "{what} id {id} 重复；每个{what}都需要自己的 id"),
    ("node {node} is in lane {lane}, which does not exist; use one of: {ids}",
     "节点 {node} 所在的泳道 {lane} 不存在；请使用以下之一：{ids}"),
    ("node {node} is in phase {phase}, which does not exist; use one of: {ids}",
     "节点 {node} 所在的阶段 {phase} 不存在；请使用以下之一：{ids}"),
    ("node {node} is in phase {phase}, which does not exist; add it under phases:",
     "节点 {node} 所在的阶段 {phase} 不存在；请在 phases: 下添加它"),
    ("edge {edge}: no node has the id {id}; check the spelling or add the node",
     "连线 {edge}：没有 id 为 {id} 的节点；请检查拼写或添加该节点"),
    ("duplicate edge {edge}; merge the two edges into one",
     "重复的连线 {edge}；请把两条连线合并为一条"),
    ("edge {edge} leaves exit node {node}; an exit ends a path (people who leave the funnel), "
     "so make it a step or remove the edge",
     "连线 {edge} 从流失节点 {node} 出发；流失节点是路径的终点（离开漏斗的人），"
     "请把它改为步骤或删除这条连线"),
    ("unknown key {key}; remove it or check its spelling (see `funnelflow schema`)",
     "未知的键 {key}；请删除它或检查拼写（参见 `funnelflow schema`）"),
    ("required key {key} is missing; add it", "缺少必需的键 {key}；请添加"),
    ('a colour is written like "#2E86DE"', '颜色的写法如 "#2E86DE"'),
    ("a currency is a three-letter ISO 4217 code such as CNY or USD",
     "货币是三个字母的 ISO 4217 代码，例如 CNY 或 USD"),
    ("{value} is not a valid id; ids use only letters, digits, '_', '.' and '-'",
     "{value} 不是有效的 id；id 只能使用字母、数字、“_”、“.”和“-”"),
    ("position {value} is off the canvas; a position is within ±{max} (delete x and y to let "
     "the layout place the node)",
     "位置 {value} 超出画布；位置必须在 ±{max} 以内（删除 x 和 y 可让自动布局放置该节点）"),
    ("a diagram needs at least one lane; add one under lanes:",
     "流程图至少需要一条泳道；请在 lanes: 下添加"),
    ("{field} must not be empty", "{field} 不能为空"),
    ("{value} is not allowed here; use one of {expected}",
     "此处不允许 {value}；请使用以下之一：{expected}"),
    ("{field} must be a list: one item per line starting with '- ', or [a, b] on one line",
     "{field} 必须是列表：每行一项并以“- ”开头，或在一行内写成 [a, b]"),
    ("{what} must be a mapping of keys such as {keys}, got {got}",
     "{what} 必须是由键组成的映射，例如 {keys}，实际是 {got}"),
    ("each item of {field}", "{field} 的每一项"),
    ("there is no node {id}", "没有节点 {id}"),
    ("there is no connection {id}", "没有连线 {id}"),
    # -- values (app/model/values.py) ------------------------------------------------------
    ("expected a number, not true/false", "这里需要数字，而不是 true/false"),
    ("expected a number, not a percentage ({value})", "这里需要数字，不能是百分比（{value}）"),
    ('expected a number like 0.032 or "3.2%", got {value}',
     '这里需要数字，例如 0.032 或 "3.2%"，实际是 {value}'),
    ("expected a number like 800, got {value}", "这里需要数字，例如 800，实际是 {value}"),
    ("expected a number, got {type}", "这里需要数字，实际是 {type}"),
    ("expected a finite number", "这里需要有限的数字"),
    ('a rate must be between 0 and 1 (0% to 100%), got {value}; write it as 0.032 or "3.2%"',
     '比率必须在 0 到 1 之间（0% 到 100%），实际是 {value}；请写成 0.032 或 "3.2%"'),
    ("must not be negative, got {value}", "不能为负数，实际是 {value}"),
    ("is too large, got {value}; at most {max}: check for a typo",
     "数值过大（{value}）；最大为 {max}：请检查是否输错"),
    ("needs a target, an actual, or a bare value", "需要目标值、实际值或一个单独的数值"),
    ("input should be a valid string", "这里需要文本"),
    ("input should be a valid number, unable to parse string as a number",
     "这里需要数字，无法把这段文本读成数字"),
    ("input should be a valid integer", "这里需要整数"),
    ("input should be a valid boolean", "这里需要 true 或 false"),
    # -- saving (app/io/atomic.py) ---------------------------------------------------------
    ("{path}: is a folder; choose a file name to save to",
     "{path}：是文件夹；请选择一个文件名来保存"),
    ("{path}: is a {kind}, not a regular file; FunnelFlow writes only to regular files, so "
     "choose a file name",
     "{path}：是{kind}，不是普通文件；FunnelFlow 只写入普通文件，请另选文件名"),
    ("{path}: is read-only; remove its read-only mark, choose another name, or add --force to "
     "replace it", "{path}：是只读文件；请去掉只读属性、另选文件名，或加上 --force 覆盖它"),
    ("{path}: the folder {folder} does not exist", "{path}：文件夹 {folder} 不存在"),
    ("{path}: could not be saved ({reason}); the previous version is unchanged",
     "{path}：无法保存（{reason}）；之前的版本保持不变"),
    # hints added where text was expected (app/io/yaml_load.py)
    ("the value is empty: write the text or remove the key", "值是空的：请填写文本或删除该键"),
    ('YAML reads yes/no/true/false/on/off as true or false: put the text in double quotes, '
     'e.g. "yes"',
     'YAML 会把 `yes`/`no`/`true`/`false`/`on`/`off` 读成真或假：请把文本放在双引号中，例如 "yes"'),
    ('YAML reads true and false as a yes/no value, not text: put the text in double quotes, '
     'e.g. "true"',
     'YAML 把 `true` 和 `false` 读成是/否值，而不是文本：请把文本放在双引号中，例如 "true"'),
    ('YAML reads this as a number: put it in double quotes, e.g. "123"',
     'YAML 把它读成了数字：请放在双引号中，例如 "123"'),
)

#: words that fill a template's blanks and have a Chinese name of their own
WORDS: dict[str, str] = {"node": "节点", "lane": "泳道", "phase": "阶段", "a list": "列表",
                         "dict": "映射", "list": "列表", "str": "文本", "bool": "布尔值",
                         "NoneType": "空值", "named pipe (FIFO)": "命名管道（FIFO）",
                         "socket": "套接字", "device": "设备", "special file": "特殊文件",
                         "little-endian": "小端序", "big-endian": "大端序",
                         "little-endian, without a byte order mark": "小端序，无字节顺序标记",
                         "big-endian, without a byte order mark": "大端序，无字节顺序标记"}

_SEPARATOR = "; "
_ZH_SEPARATOR = "；"


def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regex: each `{name}` a lazy group, a repeated name the same text."""
    parts, seen = [], set()
    for piece in re.split(r"(\{\w+\})", template.replace("{{", "\0").replace("}}", "\1")):
        if re.fullmatch(r"\{\w+\}", piece):
            name = piece[1:-1]
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>(?:(?!; ).)+?)")
            seen.add(name)
        else:
            parts.append(re.escape(piece.replace("\0", "{").replace("\1", "}")))
    return re.compile("".join(parts) + "(?=; |$)", re.S)


def pairs() -> list[tuple[str, str]]:
    """Every (English, Chinese) template: the keyed messages and the inline-worded ones."""
    return [(MESSAGES[key], ZH[key]) for key in MESSAGES] + list(TRANSLATIONS)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Longest first: a template that is a prefix of another must not win over it.
    ordered = sorted(pairs(), key=lambda pair: -len(pair[0]))
    return tuple((_pattern(en), zh) for en, zh in ordered)


def _fill(value: str) -> str:
    """A blank's text in Chinese: a known word or message, else as written (ids, numbers)."""
    if value in WORDS:
        return WORDS[value]
    whole = _translate_whole(value)
    if whole is not None:
        return whole
    return value.replace("' or '", "' 或 '")


def _translate_whole(text: str) -> str | None:
    for pattern, zh in _compiled():
        match = pattern.match(text)
        if match and match.end() == len(text):
            return _format(zh, match)
    return None


def _format(zh: str, match: re.Match[str]) -> str:
    values = {name: _fill(value) for name, value in match.groupdict().items()}
    return zh.format(**values)


def localize(message: str, lang: str) -> str:
    """`message` (from the loader or the model) in `lang` ("en" or "zh").

    Messages joined with "; " are translated one by one; a part the table does not know stays
    in English, so the reason is never lost.
    """
    if lang != "zh" or not message:
        return message
    out, rest = [], message
    while rest:
        for pattern, zh in _compiled():
            match = pattern.match(rest)
            if match:
                out.append(_format(zh, match))
                rest = rest[match.end():]
                rest = rest[len(_SEPARATOR):] if rest.startswith(_SEPARATOR) else rest
                break
        else:
            head, _, rest = rest.partition(_SEPARATOR)
            out.append(head)
    return _ZH_SEPARATOR.join(out)


def is_known(message: str) -> bool:
    """Whether every part of `message` is in the table (for tests and the translators)."""
    rest = message
    while rest:
        match = next((m for p, _ in _compiled() if (m := p.match(rest))), None)
        if match is None:
            return False
        rest = rest[match.end():]
        rest = rest[len(_SEPARATOR):] if rest.startswith(_SEPARATOR) else rest
    return True
