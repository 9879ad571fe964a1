<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="+149"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface language; switches immediately</source>
        <translation>界面语言，立即切换</translation>
    </message>
</context>
</TS>
