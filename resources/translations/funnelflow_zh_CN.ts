<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../app/ui/panels/help_dialogs.py" line="+110"/>
        <source>&lt;h3&gt;FunnelFlow %1&lt;/h3&gt;&lt;p&gt;Draw a marketing funnel in swimlanes, put targets, actuals and owners on every step, and get a ranked bottleneck checklist.&lt;/p&gt;&lt;p&gt;Diagrams are plain YAML files. Built with Qt (PySide6), pydantic and PyYAML. Chinese text uses Noto Sans CJK SC (SIL Open Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FunnelFlow %1&lt;/h3&gt;&lt;p&gt;按部门泳道绘制营销漏斗，为每个步骤填写目标、实际值和负责人，得到按影响排序的瓶颈清单。&lt;/p&gt;&lt;p&gt;流程图保存为纯文本 YAML 文件。基于 Qt（PySide6）、pydantic 与 PyYAML 构建。中文使用思源黑体 Noto Sans CJK SC（SIL 开源字体许可）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About FunnelFlow</source>
        <translation>关于 FunnelFlow</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../app/ui/files/backups.py" line="+119"/>
        <source>Restore version of {time}</source>
        <translation>恢复到 {time} 的版本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No previous versions yet (they are kept when you save)</source>
        <translation>还没有历史版本（每次保存时会自动保留一份）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{time} ({size} KB)</source>
        <translation>{time}（{size} KB）</translation>
    </message>
</context>
<context>
    <name>BandForm</name>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="+50"/>
        <source>Lane: %1</source>
        <translation>泳道：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_form.py" line="+95"/>
        <source>Theme colour</source>
        <translation>主题默认色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="-19"/>
        <source>Delete lane…</source>
        <translation>删除泳道…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete phase…</source>
        <translation>删除阶段…</translation>
    </message>
</context>
<context>
    <name>Bands</name>
    <message>
        <location line="-26"/>
        <source>New lane</source>
        <translation>新泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add lane</source>
        <translation>添加泳道</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New phase</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add phase</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Rename lane</source>
        <translation>重命名泳道</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename phase</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_dialogs.py" line="+66"/>
        <source>Recolour lane</source>
        <extracomment>marker for &quot;delete the nodes&quot; in the reassignment question</extracomment>
        <translation>更改泳道颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="-17"/>
        <source>Move lane</source>
        <translation>移动泳道</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move phase</source>
        <translation>移动阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_dialogs.py" line="+24"/>
        <source>A diagram needs at least one lane; add another lane first.</source>
        <translation>流程图至少需要一条泳道；请先添加另一条泳道。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” holds %2 node(s). Where should they go?</source>
        <translation>「%1」中有 %2 个节点，要把它们移到哪里？</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="-15"/>
        <source>Delete lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete phase</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_dialogs.py" line="+18"/>
        <source>Lane colour</source>
        <translation>泳道颜色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete “%1”</source>
        <translation>删除「%1」</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="-15"/>
        <source>Move them to lane “%1”</source>
        <translation>移到泳道「%1」</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move them to phase “%1”</source>
        <translation>移到阶段「%1」</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Delete them too (with their connections)</source>
        <translation>一并删除（连同它们的连线）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Leave them without a phase</source>
        <translation>保留节点，不归入任何阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_dialogs.py" line="+37"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="-24"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Add lane below</source>
        <translation>在下方添加泳道</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add phase after</source>
        <translation>在后面添加阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/band_dialogs.py" line="+6"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show in inspector</source>
        <translation>在属性面板中显示</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <location filename="../../app/ui/canvas/actions.py" line="+88"/>
        <location line="+69"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+70"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+68"/>
        <location line="+14"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+109"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>&amp;Entry</source>
        <translation>入口(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Step</source>
        <translation>步骤(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decision</source>
        <translation>决策(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Goal</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xit</source>
        <translation>流失(&amp;X)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;kind</source>
        <translation>更改类型(&amp;K)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move to &amp;lane</source>
        <translation>移到泳道(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Connect to…</source>
        <translation>连线到…(&amp;C)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+15"/>
        <source>&amp;Properties</source>
        <translation>属性(&amp;P)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Edit &amp;label</source>
        <translation>编辑标签(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;verse direction</source>
        <translation>反转方向(&amp;V)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <source>Add &amp;node here</source>
        <translation>在此添加节点(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste here</source>
        <translation>粘贴到此处(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;lane</source>
        <translation>添加泳道(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add p&amp;hase</source>
        <translation>添加阶段(&amp;H)</translation>
    </message>
</context>
<context>
    <name>CanvasKeys</name>
    <message>
        <location filename="../../app/ui/canvas/keyboard.py" line="+29"/>
        <source>Tab / Shift+Tab</source>
        <extracomment>the keys the canvas handles itself (no menu action has them), for Help → Keyboard shortcuts</extracomment>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the next / previous node in funnel order</source>
        <translation>按漏斗顺序选择下一个 / 上一个节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a step after the selected node, connected</source>
        <translation>在所选节点之后添加一个步骤并连线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a node of a chosen kind after the selected node</source>
        <translation>在所选节点之后添加指定类型的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect: from the selection with Tab and Enter, or (nothing selected) drag between any two nodes</source>
        <translation>连线：选中节点后用 Tab 选目标、Enter 确认；未选中时可在任意两个节点之间拖动连线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter / F2</source>
        <translation>Enter / F2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the selected node or connection in place</source>
        <translation>就地重命名所选节点或连线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nudge the selected nodes (with Shift: five times as far)</source>
        <translation>微移所选节点（按住 Shift：移动五倍距离）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave connect mode</source>
        <translation>退出连线模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space + drag, middle drag</source>
        <translation>空格 + 拖动，或中键拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pan the canvas</source>
        <translation>平移画布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl + wheel</source>
        <translation>Ctrl + 滚轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom under the pointer</source>
        <translation>以指针处为中心缩放</translation>
    </message>
</context>
<context>
    <name>CanvasTips</name>
    <message>
        <location filename="../../app/ui/canvas/tooltips.py" line="+66"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+63"/>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+21"/>
        <location line="+71"/>
        <source>%1 (target %2)</source>
        <translation>%1（目标 %2）</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and %1 more in the checklist</source>
        <translation>… 另有 %1 条，见检查清单</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Entry</source>
        <translation>入口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit</source>
        <translation>流失</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lane: %1</source>
        <translation>泳道：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: nobody yet</source>
        <translation>负责人：尚未指定</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>People per period: %1</source>
        <translation>每期人数：%1</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Entering: %1</source>
        <translation>进入人数：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capacity: %1</source>
        <translation>处理能力：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days in this step: %1</source>
        <translation>本步骤天数：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost: %1</source>
        <translation>成本：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value per person: %1</source>
        <translation>每人价值：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KPI %1: %2 (target %3)</source>
        <translation>KPI %1：%2（目标 %3）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Handoff between lanes</source>
        <translation>跨泳道交接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversion: ≈%1, shared equally with the other connections that have none</source>
        <translation>转化率：约 %1，与其他未填写转化率的连线平分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversion: %1</source>
        <translation>转化率：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting (days): %1</source>
        <translation>等待天数：%1</translation>
    </message>
</context>
<context>
    <name>ChangedOnDiskBar</name>
    <message>
        <location filename="../../app/ui/files/file_watch.py" line="+177"/>
        <source>{name} was changed on disk by another program. Reload it (your edits stay reachable with Undo) or keep your version (the next save replaces the file)?</source>
        <translation>{name} 已被其他程序修改。要重新加载（你的修改仍可通过“撤销”找回），还是保留你的版本（下次保存时会覆盖该文件）？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} was changed on disk by another program. Reload it, or keep what is shown?</source>
        <translation>{name} 已被其他程序修改。要重新加载，还是保留当前显示的内容？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../app/ui/panels/checklist.py" line="+73"/>
        <source>+%1 %2</source>
        <translation>%2 +%1</translation>
    </message>
</context>
<context>
    <name>ChecklistDock</name>
    <message>
        <location line="+270"/>
        <source>By impact</source>
        <translation>按影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>瓶颈清单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checklist (errors: %1, warnings: %2, info: %3)</source>
        <translation>瓶颈清单（错误 %1，警告 %2，提示 %3）</translation>
    </message>
</context>
<context>
    <name>ChecklistTree</name>
    <message>
        <location line="-184"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+43"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+21"/>
        <source>Top bottlenecks</source>
        <translation>最大瓶颈</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Don&apos;t report this rule in this diagram</source>
        <translation>本图不再报告此规则</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>No findings: the funnel looks healthy.</source>
        <translation>没有发现问题：漏斗运转良好。</translation>
    </message>
</context>
<context>
    <name>CommentNotice</name>
    <message>
        <location filename="../../app/ui/files/comment_notice.py" line="+67"/>
        <source>This file has {n} comment(s); you will be asked before the first save whether to keep them as notes.</source>
        <translation>此文件含有 {n} 条注释；第一次保存前会询问是否把它们保留为备注。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep comments as notes</source>
        <translation>将注释保留为备注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comments in this file</source>
        <translation>文件中的注释</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has {n} comment(s). FunnelFlow saves diagrams without comments, so they would be lost.</source>
        <translation>此文件含有 {n} 条注释。FunnelFlow 保存流程图时不保留注释，这些注释会丢失。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep each comment in the notes of its node (or of the diagram)?</source>
        <translation>要把每条注释写进对应节点（或整个流程图）的备注吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep as notes</source>
        <translation>保留为备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save without them</source>
        <translation>不保留，直接保存</translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <location filename="../../app/ui/canvas/connecting.py" line="+55"/>
        <source>A node cannot be connected to itself here.</source>
        <extracomment>how far outside its box a node takes presses, in scene units (within its drawn margin)</extracomment>
        <translation>节点不能在这里连接到自身。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is an exit, where a path ends: nothing can leave it. Make it a step first.</source>
        <translation>“%1”是流失节点，路径到此结束：不能从它连出。请先把它改为步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; and &quot;%2&quot; are already connected.</source>
        <translation>“%1”和“%2”之间已经有连线。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/ui/dashboard.py" line="+63"/>
        <source>today</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal per period: target vs actual</source>
        <translation>各期目标达成：目标 vs 实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel ROI</source>
        <translation>渠道投资回报率（ROI）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel CAC</source>
        <translation>渠道获客成本（CAC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volumes along the funnel: target vs actual</source>
        <translation>漏斗各步人数：目标 vs 实际</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
</context>
<context>
    <name>DiagramForm</name>
    <message>
        <location filename="../../app/ui/panels/diagram_form.py" line="+40"/>
        <source>Edit diagram</source>
        <translation>编辑流程图</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagram</source>
        <translation>流程图</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules not reported</source>
        <translation>不报告的规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none; right-click a finding to add one</source>
        <translation>无；在清单中右键某条问题即可添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checklist rules this diagram does not report, e.g. missing-owner. Clear the field to report them all again.</source>
        <translation>本图不报告的清单规则，例如 missing-owner。清空此栏即可重新报告全部规则。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ISO 4217 code, e.g. CNY</source>
        <translation>ISO 4217 货币代码，如 CNY</translation>
    </message>
</context>
<context>
    <name>EdgeForm</name>
    <message>
        <location filename="../../app/ui/panels/edge_form.py" line="+59"/>
        <source>Edit connection</source>
        <translation>编辑连线</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connection</source>
        <translation>连线</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No conversion entered: the %2 connections out of &quot;%1&quot; without one share equally what the others leave, ≈%3 each. Type a conversion to set this one.</source>
        <translation>未填写转化率：从“%1”出发、没有转化率的 %2 条连线平分其余连线剩下的人数，每条约 %3。填写转化率即可单独设定本条。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From → to</source>
        <translation>从 → 到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting (days)</source>
        <translation>等待时长（天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the source&apos;s people who move along: 3.2% or 0.032</source>
        <translation>上一步的人中进入下一步的比例：可填 3.2% 或 0.032</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../app/ui/files/export_dialog.py" line="+21"/>
        <source>SVG image</source>
        <translation>SVG 图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (reopens in FunnelFlow)</source>
        <translation>PNG 图像（可在 FunnelFlow 中重新打开）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document with the checklist</source>
        <translation>PDF 文档（含检查清单）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown checklist</source>
        <translation>Markdown 检查清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV KPI table</source>
        <translation>CSV 指标表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mermaid diagram</source>
        <translation>Mermaid 图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FunnelFlow diagram (YAML)</source>
        <translation>FunnelFlow 流程图（YAML）</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/ui/panels/fields.py" line="+72"/>
        <source>“%1”: decimals take a point (3.2%), not a comma.</source>
        <extracomment>commas are only thousands separators: 20,000 and 1,234.5, never 3,2</extracomment>
        <translation>“%1”：小数请用小数点（3.2%），不要用逗号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not a number: type it like 3.2% or 0.032.</source>
        <translation>“%1”不是数字：请按 3.2% 或 0.032 这样填写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a number: type it like 800, without %.</source>
        <translation>“%1”不是数字：请按 800 这样填写，不带 %。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a rate: it must be between 0% and 100%.</source>
        <translation>“%1”不是有效的比率：应在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is negative: type 0 or more.</source>
        <translation>“%1”是负数：请填 0 或更大的数。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="+30"/>
        <source>FunnelFlow (*.yaml *.yml);;All files (*)</source>
        <translation>FunnelFlow 流程图 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+98"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1” before closing it?</source>
        <translation>关闭前要保存对“%1”的修改吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The template could not be read.</source>
        <translation>无法读取该模板。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open diagram</source>
        <translation>打开流程图</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Read with %n note(s); line %1</source>
        <translation>读取时有 %n 条提示；第 %1 行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FunnelFlow</source>
        <translation>FunnelFlow</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save diagram as</source>
        <translation>流程图另存为</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” could not be saved: %2
The file on disk is unchanged. Save somewhere else?</source>
        <translation>无法保存“%1”：%2
磁盘上的文件没有改动。要保存到其他位置吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/export_dialog.py" line="+16"/>
        <source>Export diagram</source>
        <translation>导出流程图</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="+21"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/canvas/find.py" line="+86"/>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Find a node by label, owner, notes or KPI…</source>
        <translation>按名称、负责人、备注或 KPI 查找节点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../app/ui/panels/inspector.py" line="+159"/>
        <source>%n items selected</source>
        <extracomment>another node, edge, lane, phase or the diagram is shown (the dock scrolls back to the top) what is shown: (&quot;diagram&quot;, None) | (&quot;node&quot;, id) | (&quot;edge&quot;, (from, to)) | (LANE or PHASE, id) | (&quot;many&quot;, None)</extracomment>
        <translation>
            <numerusform>已选中 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <location line="+31"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>KeyboardNavigator</name>
    <message>
        <location filename="../../app/ui/canvas/keyboard.py" line="+133"/>
        <source>New node kind</source>
        <extracomment>how many rows down a new node may go to find a free spot before it overlaps anyway</extracomment>
        <translation>新节点类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Entry</source>
        <translation>入口(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Step</source>
        <translation>步骤(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decision</source>
        <translation>决策(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Goal</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xit</source>
        <translation>流失(&amp;X)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Connect mode: drag from one node to another. C or Esc leaves. (Keyboard: select a node with Tab, then C.)</source>
        <translation>连线模式：从一个节点拖到另一个节点。按 C 或 Esc 退出。（键盘操作：用 Tab 选中节点，再按 C。）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect mode off.</source>
        <translation>已退出连线模式。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Press Tab to pick the node to connect to.</source>
        <translation>按 Tab 选择要连到的节点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect</source>
        <translation>连线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected.</source>
        <translation>已连线。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting cancelled.</source>
        <translation>已取消连线。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connect from %1: Tab to the target, Enter to connect, Esc to cancel.</source>
        <translation>从 %1 连线：按 Tab 选择目标，Enter 连线，Esc 取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect %1 → %2? Enter to connect, Tab for another, Esc to cancel.</source>
        <translation>连线 %1 → %2？按 Enter 连线，Tab 换一个，Esc 取消。</translation>
    </message>
</context>
<context>
    <name>KpiTable</name>
    <message>
        <location filename="../../app/ui/panels/kpi_table.py" line="+132"/>
        <location line="+95"/>
        <source>higher</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+95"/>
        <source>lower</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Edit KPI</source>
        <translation>编辑 KPI</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New KPI</source>
        <translation>新 KPI</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New KPI %1</source>
        <translation>新 KPI %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Add KPI</source>
        <translation>添加 KPI</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Remove KPI</source>
        <translation>删除 KPI</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>KPIs</source>
        <translation>KPI 指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better</source>
        <translation>优化方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="+162"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface language; switches immediately</source>
        <translation>界面语言，立即切换</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../app/ui/canvas/legend.py" line="+38"/>
        <source>Entry: people come in</source>
        <translation>入口：人群进入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision: branches</source>
        <translation>决策：分支</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal: people reached</source>
        <translation>目标：达成的人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit: people lost</source>
        <translation>流失：离开的人数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KPIs and conversions on target</source>
        <translation>KPI 与转化率达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not measured yet (no actual)</source>
        <translation>尚未测量（无实际值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist error</source>
        <translation>检查清单：错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist warning</source>
        <translation>检查清单：警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist note</source>
        <translation>检查清单：提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection in one lane</source>
        <translation>同一泳道内的连线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handoff between lanes (departments)</source>
        <translation>跨泳道（部门）交接</translation>
    </message>
</context>
<context>
    <name>LoadErrorDialog</name>
    <message>
        <location filename="../../app/ui/files/error_dialog.py" line="+70"/>
        <source>Could not open the diagram</source>
        <translation>无法打开流程图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} could not be opened. Fix the file in a text editor and open it again; meanwhile you have an empty diagram.</source>
        <translation>无法打开 {name}。请在文本编辑器中修正该文件后重新打开；在此之前，你看到的是一个空白流程图。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} could not be opened. Your current diagram is unchanged; fix the file in a text editor and open it again.</source>
        <translation>无法打开 {name}。当前的流程图没有改动；请在文本编辑器中修正该文件后重新打开。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and {n} more problems</source>
        <translation>……另有 {n} 个问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open in text editor</source>
        <translation>在文本编辑器中打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="+207"/>
        <source>Don&apos;t report %1</source>
        <extracomment>the first window, before the user has sized one: 1440x900 where the screen allows the name of the undo step; %1 is a rule id such as slow-step</extracomment>
        <translation>不再报告 %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (read-only)</source>
        <translation>{name}（只读）</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../app/ui/panels/node_form.py" line="+96"/>
        <source>Edit node</source>
        <translation>编辑节点</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <comment>node kind: node label</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no phase)</source>
        <translation>（无阶段）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>per period</source>
        <translation>每周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>流量（人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>处理能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>单客价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contingency plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People entering per period (entry nodes)</source>
        <translation>每个周期进入的人数（入口节点）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revenue per person reaching this goal</source>
        <translation>每位达成目标的客户带来的收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person or role</source>
        <translation>人名或岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;; edges follow</source>
        <translation>可用字母、数字、“_”、“.”和“-”；相关连线会随之更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do when this step fails</source>
        <translation>这一步出问题时怎么办</translation>
    </message>
</context>
<context>
    <name>NodeKind</name>
    <message>
        <location filename="../../app/ui/panels/palette.py" line="+24"/>
        <source>Entry</source>
        <translation>入口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit</source>
        <translation>流失</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where people enter: a channel such as ads, SEO or an event</source>
        <translation>客户从哪里进来：广告、SEO、线下活动等渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A step people go through: landing page, e-mail, consultation</source>
        <translation>客户要经过的一个环节：落地页、邮件、咨询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A choice with two or more ways out</source>
        <translation>有两个或更多去向的分岔点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the funnel is for: a deal, an order, a sign-up</source>
        <translation>漏斗要达成的结果：成交、下单、注册</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where people leave: churn, abandonment</source>
        <translation>客户从哪里离开：流失、放弃</translation>
    </message>
</context>
<context>
    <name>OpenLock</name>
    <message>
        <location filename="../../app/ui/files/open_lock.py" line="+138"/>
        <source>Open in another window</source>
        <translation>已在另一个窗口中打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is already open in another FunnelFlow window (process {pid} on {host}).</source>
        <translation>“{name}”已在另一个 FunnelFlow 窗口中打开（{host} 上的进程 {pid}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open it read-only to look without saving over the other window&apos;s work, or take it over if that window is gone or you are done there.</source>
        <translation>以只读方式打开，只查看、不会覆盖另一个窗口的工作；如果那个窗口已经关闭或您已在那里完成编辑，也可以接管它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../app/ui/panels/outline.py" line="+105"/>
        <source>Outline</source>
        <translation>漏斗大纲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utline</source>
        <translation>漏斗大纲(&amp;U)</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location line="-25"/>
        <source>&amp;Copy outline</source>
        <translation>复制大纲(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the outline to the clipboard</source>
        <translation>把大纲复制到剪贴板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel outline</source>
        <translation>漏斗大纲</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every step in funnel order with its lane, owner, conversions and KPIs</source>
        <translation>按漏斗顺序列出每个步骤及其泳道、负责人、转化率和 KPI</translation>
    </message>
</context>
<context>
    <name>PairField</name>
    <message>
        <location filename="../../app/ui/panels/fields.py" line="+83"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <location filename="../../app/ui/panels/palette.py" line="+83"/>
        <source>Node kinds</source>
        <translation>节点类型</translation>
    </message>
</context>
<context>
    <name>PaletteList</name>
    <message>
        <location line="-47"/>
        <source>Drag onto the canvas, or double-click to add</source>
        <translation>拖到画布上，或双击添加</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <location filename="../../app/ui/panels/checklist.py" line="-127"/>
        <source>per day</source>
        <extracomment>on a node or edge heading (by department): the finding whose target a click goes to</extracomment>
        <translation>每天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per quarter</source>
        <translation>每季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per year</source>
        <translation>每年</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../app/ui/present/present_window.py" line="+86"/>
        <source>FunnelFlow — presentation</source>
        <translation>FunnelFlow — 演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagram</source>
        <translation>流程图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ ← phases   ↓ ↑ lanes   Tab next step   B top bottleneck   W what-if   Esc back</source>
        <translation>→ ← 切换阶段   ↓ ↑ 切换泳道   Tab 下一步   B 最大瓶颈   W 假设分析   Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/axis_words.py" line="+10"/>
        <source>Phase %1/%2: %3</source>
        <translation>阶段 %1/%2：%3</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Lane %1/%2: %3</source>
        <translation>泳道 %1/%2：%3</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="+24"/>
        <source>Float</source>
        <translation>悬浮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QDockWidgetTitleButton</name>
    <message>
        <location filename="../../app/ui/qt_strings.py" line="+17"/>
        <source>Float</source>
        <translation>悬浮</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-2"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../app/ui/files/recovery_dialog.py" line="+43"/>
        <source>Recover unsaved diagrams</source>
        <translation>恢复未保存的流程图</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FunnelFlow did not close properly last time. These diagrams had changes that were not saved:</source>
        <translation>FunnelFlow 上次没有正常关闭。以下流程图有尚未保存的修改：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Decide later</source>
        <translation>稍后再说</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>untitled, never saved</source>
        <translation>未命名，从未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{time} — {title} — {where}</source>
        <translation>{time} — {title} — {where}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+16"/>
        <source>This copy cannot be read: {problem}</source>
        <translation>无法读取这份副本：{problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved as {path}.</source>
        <translation>已另存为 {path}。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save recovered diagram as</source>
        <translation>将恢复的流程图另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FunnelFlow diagrams (*.yaml *.yml)</source>
        <translation>FunnelFlow 流程图 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discard unsaved changes?</source>
        <translation>丢弃未保存的修改？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete these unsaved changes for good?

{what}</source>
        <translation>要永久删除这些未保存的修改吗？

{what}</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../app/ui/refusals.py" line="+34"/>
        <source>Another node already has the id “%1”; choose another.</source>
        <translation>已有节点使用 ID“%1”，请换一个。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a valid id: use letters, digits, _ . and -.</source>
        <translation>“%1”不是有效的 ID：只能用字母、数字和 _ . -。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These two nodes are already connected (%1).</source>
        <translation>这两个节点之间已经有连线（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is an exit, where a path ends: make it a step first.</source>
        <translation>“%1”是流失出口，路径到此结束：请先把它改成步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A currency is a three-letter code such as CNY or USD.</source>
        <translation>货币代码是三个字母，例如 CNY 或 USD。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../app/ui/review.py" line="+47"/>
        <location line="+77"/>
        <location line="+13"/>
        <location line="+12"/>
        <location line="+10"/>
        <source>Import actuals</source>
        <translation>导入实际数据</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>%1 change(s) from %2. Apply them as one step (Undo takes them back)?</source>
        <translation>%2 中有 %1 处变更。作为一步应用吗？（撤销可全部还原）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Node or edge</source>
        <translation>节点或连线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>volume</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tables (*.csv *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was imported: the table has problems.</source>
        <translation>未导入任何数据：表格中有问题。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No changes: every actual in the table is what the diagram already has.</source>
        <translation>没有变更：表格中的实际值与流程图中的相同。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+13"/>
        <location line="+8"/>
        <source>Close period</source>
        <translation>结束本期</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Label of the period to close (today&apos;s actuals are kept until the next import):</source>
        <translation>要结束的周期名称（当前实际值保留，直到下次导入）：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is already closed. Replace its numbers with today&apos;s?</source>
        <translation>%1 已经结束过。用当前数据替换它吗？</translation>
    </message>
</context>
<context>
    <name>SafeSave</name>
    <message>
        <location filename="../../app/ui/files/safe_save.py" line="+82"/>
        <source>{name} is a folder; choose a file name to save to.</source>
        <translation>{name} 是一个文件夹；请选择要保存的文件名。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} is not a regular file (a device, pipe or socket); FunnelFlow saves only to regular files. Choose another name.</source>
        <translation>{name} 不是普通文件（而是设备、管道或套接字）；FunnelFlow 只保存到普通文件。请换一个文件名。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The disk is full: {free} free, the diagram needs {size}. Free some space or save to another disk.</source>
        <translation>磁盘已满：剩余 {free}，流程图需要 {size}。请清理出空间，或保存到其他磁盘。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk or folder {folder} is read-only.</source>
        <translation>磁盘或文件夹 {folder} 是只读的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is read-only. Remove the read-only mark or save under another name.</source>
        <translation>该文件是只读的。请取消只读属性，或另存为其他文件名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You may not write in the folder {folder} (permission denied).</source>
        <translation>没有权限写入文件夹 {folder}（访问被拒绝）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file could not be written: {error}.</source>
        <translation>无法写入文件：{error}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder {folder} does not exist (renamed, or a USB stick or network drive removed?).</source>
        <translation>文件夹 {folder} 不存在（是否被改名，或 U 盘、网络驱动器已断开？）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is locked or busy: another program (a sync client, an editor) is using it. Wait a moment and save again, or save under another name.</source>
        <translation>文件被锁定或正在使用：另一个程序（同步客户端、编辑器）正在使用它。请稍等片刻再保存，或另存为其他文件名。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” could not be saved: {reason}
The file on disk is unchanged and your diagram is still open with all its edits. Save somewhere else?</source>
        <translation>无法保存“{name}”：{reason}
磁盘上的文件没有改动，你的流程图和所有修改都还在。要保存到其他位置吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file changed on disk</source>
        <translation>文件已被外部修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was changed by another program (git, another editor) since you opened or saved it.</source>
        <translation>自你打开或保存以来，{name} 已被其他程序（git、其他编辑器）修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving now would replace those changes with your version. Save under another name to keep both.</source>
        <translation>现在保存会用你的版本覆盖那些修改。另存为其他文件名可以两份都保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace theirs</source>
        <translation>覆盖对方的修改</translation>
    </message>
</context>
<context>
    <name>Safeguards</name>
    <message>
        <location filename="../../app/ui/files/safeguards.py" line="+97"/>
        <source>Taken over</source>
        <translation>已被接管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” was taken over by another FunnelFlow window, so this window is now read-only. Save your version under another name.</source>
        <translation>“{name}”已被另一个 FunnelFlow 窗口接管，此窗口现为只读。请将你的版本另存为其他名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is open in another window and was opened read-only here: save under another name.</source>
        <translation>{name} 已在另一个窗口中打开，此处为只读：请另存为其他文件名。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reload from disk</source>
        <translation>从磁盘重新加载</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Could not write the recovery copy: {reason}</source>
        <translation>无法写入恢复副本：{reason}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restore a &amp;previous version</source>
        <translation>恢复历史版本(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/panels/help_dialogs.py" line="-56"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On the canvas</source>
        <translation>画布上</translation>
    </message>
</context>
<context>
    <name>SpotlightPanel</name>
    <message>
        <location filename="../../app/ui/present/spotlight.py" line="+149"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Spotlight</source>
        <translation>聚焦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab selects the next step; B shows the top bottleneck.</source>
        <translation>按 Tab 选择下一步；按 B 显示最大瓶颈。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No owner</source>
        <translation>未指定负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallback plan: %1</source>
        <translation>预案：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ on target</source>
        <translation>✓ 达标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✗ off target</source>
        <translation>✗ 未达标</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+6"/>
        <source>Spotlight on the selected step</source>
        <translation>聚焦所选步骤</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/ui/panels/status.py" line="+21"/>
        <source>Goal: %1 / %2 %3 (%4%)</source>
        <extracomment>how long a refusal or a &quot;saved&quot; message stays (ms)</extracomment>
        <translation>%3目标达成：%1 / %2（%4%）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../app/ui/files/template_dialog.py" line="+65"/>
        <source>New from template</source>
        <extracomment>how much wider than the thumbnail a diagram may be before its right part is cut off</extracomment>
        <translation>从模板新建</translation>
    </message>
</context>
<context>
    <name>UndoText</name>
    <message>
        <location filename="../../app/ui/panels/menus.py" line="+19"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit node</source>
        <translation>编辑节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit connection</source>
        <translation>编辑连线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit diagram</source>
        <translation>编辑流程图</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit lanes</source>
        <translation>编辑泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidy up</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep comments as notes</source>
        <translation>将注释保留为备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nudge</source>
        <translation>微调位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect</source>
        <translation>连线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create node</source>
        <translation>新建节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What-if</source>
        <translation>假设调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to lane</source>
        <translation>移到泳道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../app/ui/present/whatif.py" line="+185"/>
        <source>What-if change</source>
        <extracomment>slider units per 100% for a conversion: 0.1% per unit</extracomment>
        <translation>假设调整</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&quot;%3&quot;: today %1 → with this change %2</source>
        <translation>到达「%3」：当前 %1 → 调整后 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers: today %1 → with this change %2</source>
        <translation>转化人数：当前 %1 → 调整后 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revenue: today %1 → %2</source>
        <translation>收入：当前 %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Top bottlenecks with this change:</source>
        <translation>调整后的最大瓶颈：</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select a connection or an entry to try a change.</source>
        <translation>选中一条连线或一个入口，试试调整后的效果。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actual conversion</source>
        <translation>实际转化率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actual people entering per period</source>
        <translation>每周期实际进入人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>today %1 · target %2 ▲</source>
        <translation>当前 %1 · 目标 %2 ▲</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What if…</source>
        <translation>如果…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this change in the diagram (one undo step)</source>
        <translation>把这个调整写入流程图（可一步撤销）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to today&apos;s value</source>
        <translation>恢复为当前值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What-if value</source>
        <translation>假设值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the what-if change</source>
        <translation>应用假设调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the what-if slider</source>
        <translation>重置假设滑块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What-if panel</source>
        <translation>假设分析面板</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../app/ui/panels/menus.py" line="+60"/>
        <source>Tidy up</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>(no recent files)</source>
        <translation>（没有最近打开的文件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo %1</source>
        <translation>撤销%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo %1</source>
        <translation>重做%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New from &amp;template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit diagram</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge thickness shows &amp;flow</source>
        <translation>连线粗细表示流量(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;lane</source>
        <translation>添加泳道(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add &amp;phase</source>
        <translation>添加阶段(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tidy up layout</source>
        <translation>整理布局(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagram &amp;properties</source>
        <translation>流程图属性(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import actuals…</source>
        <translation>导入实际数据(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close period…</source>
        <translation>结束本期(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dashboard</source>
        <translation>数据看板(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About FunnelFlow</source>
        <translation>关于 FunnelFlow(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Diagram</source>
        <translation>流程图(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG, PNG, PDF, Markdown, CSV, Mermaid…</source>
        <translation>导出为 SVG、PNG、PDF、Markdown、CSV、Mermaid…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the diagram over as many pages as it needs to stay readable, with a preview</source>
        <translation>按需分页打印流程图，保证文字清晰可读，可先预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget hand-placed positions and lay everything out again</source>
        <translation>清除手动摆放的位置，重新自动排列全部节点</translation>
    </message>
</context>
<context>
    <name>_PresentAction</name>
    <message>
        <location filename="../../app/ui/present/presentation.py" line="+305"/>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-screen presentation for a workshop (Esc returns)</source>
        <translation>全屏演示，适合工作坊投影（按 Esc 返回）</translation>
    </message>
</context>
</TS>
