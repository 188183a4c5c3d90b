<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to Baosong</source>
        <translation>欢迎使用报送</translation>
    </message>
    <message>
        <source>This data folder is empty. What should it hold?</source>
        <translation>这个数据文件夹还是空的。要在这里建立什么？</translation>
    </message>
    <message>
        <source>Set up my school</source>
        <translation>建立本校的工作区</translation>
    </message>
    <message>
        <source>Open a demo school with made-up students, to try Baosong</source>
        <translation>打开一所演示学校（学生均为虚构），先试用报送</translation>
    </message>
    <message>
        <source>Set up the education bureau (coming in a later version)</source>
        <translation>建立教育局工作区（后续版本提供）</translation>
    </message>
</context>
<context>
    <name>ClassTreeModel</name>
    <message>
        <source>Classes</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>全校</translation>
    </message>
</context>
<context>
    <name>CommitPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Everything is written in one step: either all of the changes or none.</source>
        <translation>所有变更一次写入：要么全部写入，要么都不写入。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The import is finished. These are the changes written:</source>
        <translation>导入完成，已写入以下变更：</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，没有写入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Blank rows</source>
        <translation>空行</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Baosong has a problem</source>
        <translation>报送出现了问题</translation>
    </message>
    <message>
        <source>Something went wrong inside Baosong. This is a bug, not a mistake of yours. Your saved data is safe. Please copy the details below and send them to whoever supports Baosong at your school.</source>
        <translation>报送内部出现了错误。这是程序缺陷，不是您的操作失误，已保存的数据不受影响。请复制下面的详细信息，发给为本校提供报送技术支持的人员。</translation>
    </message>
    <message>
        <source>The details are also in the log file: {path}</source>
        <translation>详细信息也已记入日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Demo school</source>
        <translation>演示学校</translation>
    </message>
    <message>
        <source>Baosong makes up a school with realistic students. Use a separate data folder for your real school.</source>
        <translation>报送会生成一所学生信息逼真的虚构学校。请为本校的真实数据另用一个数据文件夹。</translation>
    </message>
    <message>
        <source>Number of students</source>
        <translation>学生人数</translation>
    </message>
    <message>
        <source>Variant (seed)</source>
        <translation>变体（随机种子）</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>A dry run: what the import would do. Nothing has been written yet. Rejected rows are not imported; save them, correct them and import that file later.</source>
        <translation>试运行：下面是导入将会做的变更，目前还没有写入任何数据。被拒绝的行不会导入；可以把它们另存为文件，改正后再导入。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>被拒绝的行：</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Press Import to write these changes in one step.</source>
        <translation>点击“导入”，一次写入这些变更。</translation>
    </message>
    <message>
        <source>Nothing would change: every row is unchanged or rejected.</source>
        <translation>没有需要写入的变更：每一行都未变或被拒绝。</translation>
    </message>
    <message>
        <source>The check was cancelled. Go back, or press Cancel to close.</source>
        <translation>检查已取消。可以返回上一步，或点击“取消”关闭。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls) or a CSV file, with a header row above one row per record.</source>
        <translation>Excel 工作簿（.xlsx、.xls）或 CSV 文件：一行表头，表头下面每行一条记录。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: header in row {row}, {columns} columns, {rows} rows of data.</source>
        <translation>工作表“{sheet}”：表头在第 {row} 行，共 {columns} 列、{rows} 行数据。</translation>
    </message>
    <message>
        <source>CSV file: header in row {row}, {columns} columns, {rows} rows of data.</source>
        <translation>CSV 文件：表头在第 {row} 行，共 {columns} 列、{rows} 行数据。</translation>
    </message>
    <message>
        <source>There are no rows of data under the header.</source>
        <translation>表头下面没有数据行。</translation>
    </message>
</context>
<context>
    <name>FilePreviewModel</name>
    <message>
        <source>(column {letter})</source>
        <translation>（第 {letter} 列）</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>（忽略）</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Baosong</source>
        <translation>设置报送</translation>
    </message>
    <message>
        <source>Creating the demo school…</source>
        <translation>正在生成演示学校…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose an .xlsx, .xls or .csv file.</source>
        <translation>请选择 .xlsx、.xls 或 .csv 文件。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{name} rejected rows.xlsx</source>
        <translation>{name} 被拒绝的行.xlsx</translation>
    </message>
    <message>
        <source>Saving the rejected rows…</source>
        <translation>正在保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Something went wrong inside Baosong; nothing was written.</source>
        <translation>报送内部出错，没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Enrolled</source>
        <translation>在籍</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>休学</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>毕业</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <source>Junior secondary school</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>Nine-year school</source>
        <translation>九年一贯制</translation>
    </message>
    <message>
        <source>Senior secondary school</source>
        <translation>高中</translation>
    </message>
    <message>
        <source>Complete secondary school</source>
        <translation>完全中学</translation>
    </message>
    <message>
        <source>Grade 1</source>
        <translation>一年级</translation>
    </message>
    <message>
        <source>Grade 2</source>
        <translation>二年级</translation>
    </message>
    <message>
        <source>Grade 3</source>
        <translation>三年级</translation>
    </message>
    <message>
        <source>Grade 4</source>
        <translation>四年级</translation>
    </message>
    <message>
        <source>Grade 5</source>
        <translation>五年级</translation>
    </message>
    <message>
        <source>Grade 6</source>
        <translation>六年级</translation>
    </message>
    <message>
        <source>Grade 7</source>
        <translation>七年级</translation>
    </message>
    <message>
        <source>Grade 8</source>
        <translation>八年级</translation>
    </message>
    <message>
        <source>Grade 9</source>
        <translation>九年级</translation>
    </message>
    <message>
        <source>Senior grade 1</source>
        <translation>高一</translation>
    </message>
    <message>
        <source>Senior grade 2</source>
        <translation>高二</translation>
    </message>
    <message>
        <source>Senior grade 3</source>
        <translation>高三</translation>
    </message>
    <message>
        <source>{year}, first term</source>
        <translation>{year}学年第一学期</translation>
    </message>
    <message>
        <source>{year}, second term</source>
        <translation>{year}学年第二学期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Student roster</source>
        <translation>学生名册</translation>
    </message>
    <message>
        <source>Physical fitness</source>
        <translation>体质健康</translation>
    </message>
    <message>
        <source>PE process</source>
        <translation>体育过程</translation>
    </message>
    <message>
        <source>Labor education</source>
        <translation>劳动教育</translation>
    </message>
    <message>
        <source>Arts education</source>
        <translation>美育</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Baosong</source>
        <translation>关于报送(&amp;A)</translation>
    </message>
    <message>
        <source>no school yet</source>
        <translation>尚未建立学校</translation>
    </message>
    <message>
        <source>{app} — {school} — {term}</source>
        <translation>{app} — {school} — {term}</translation>
    </message>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>{on_roll} students on roll, {shown} shown</source>
        <translation>在籍学生 {on_roll} 人，当前显示 {shown} 人</translation>
    </message>
    <message>
        <source>About Baosong</source>
        <translation>关于报送</translation>
    </message>
    <message>
        <source>Baosong (报送) {version}

Offline records of labor education, physical fitness, PE and arts education for schools, with signed submission packets for the education bureau.</source>
        <translation>报送 Baosong {version}

供学校离线记录劳动教育、体质健康、体育和美育数据，并生成经过签名的报送数据包提交教育局。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <source>Choose what each column of the file holds. Columns set to Ignore are not imported; fields marked required need a column.</source>
        <translation>为文件的每一列选择它对应的项目。设为“忽略”的列不导入；标为必填的项目必须有对应的列。</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Not recognised, so ignored unless you choose a field: {headers}</source>
        <translation>以下列未能识别，除非为它们选择项目，否则不导入：{headers}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every column header was recognised.</source>
        <translation>所有列标题都已识别。</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>{label} (required)</source>
        <translation>{label}（必填）</translation>
    </message>
    <message>
        <source>Required, but no column chosen yet: {fields}</source>
        <translation>以下必填项目还没有选择对应的列：{fields}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page will hold the physical fitness tests (国家学生体质健康标准): measurements entered class by class, scores and levels computed as you type, and the national upload file.</source>
        <translation>这里将用于《国家学生体质健康标准》测试：按班级录入测试数据，录入时即时计算得分和等级，并生成国家上报文件。</translation>
    </message>
    <message>
        <source>First make sure the roster is complete: every student tested must be in it.</source>
        <translation>请先确认学生名册完整：每位参加测试的学生都必须在名册中。</translation>
    </message>
    <message>
        <source>This page will hold each term&apos;s PE process records: attendance, daily physical activity, sports skills and participation in sports clubs and competitions.</source>
        <translation>这里将记录每学期的体育过程性评价：出勤、每天校内体育活动、运动技能，以及参加体育社团和比赛的情况。</translation>
    </message>
    <message>
        <source>First check the current term in Settings.</source>
        <translation>请先在“设置”中确认当前学期。</translation>
    </message>
    <message>
        <source>This page will hold labor education: each student&apos;s labor hours in daily-life, productive and service labor, and the labor literacy evaluation of every term.</source>
        <translation>这里将记录劳动教育：每位学生在日常生活劳动、生产劳动和服务性劳动中的劳动时长，以及每学期的劳动素养评价。</translation>
    </message>
    <message>
        <source>This page will hold the arts assessment: basic knowledge, skills and participation scores, arts specialties and awards.</source>
        <translation>这里将记录美育评价：基础知识、基本技能和艺术实践的成绩，以及艺术特长和获奖情况。</translation>
    </message>
    <message>
        <source>First make sure the roster is complete.</source>
        <translation>请先确认学生名册完整。</translation>
    </message>
    <message>
        <source>This page will export the signed, encrypted submission packet for the education bureau and import the bureau&apos;s receipts and returned records.</source>
        <translation>这里将导出经过签名和加密、提交给教育局的报送数据包，并导入教育局的回执和退回修改的记录。</translation>
    </message>
    <message>
        <source>First enter the term&apos;s records; the packet carries whatever is recorded.</source>
        <translation>请先录入本学期的各项记录；数据包只包含已录入的内容。</translation>
    </message>
    <message>
        <source>Coming in a later version. {first}</source>
        <translation>此功能将在后续版本中提供。{first}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message>
        <source>Promote grades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>For school year {year}, {promoted} classes move up one grade and {graduating} classes graduate ({students} students). Suspended students stay in their class. The database is backed up first. This cannot be done twice in one school year.</source>
        <translation>{year}学年：{promoted} 个班级升入高一年级，{graduating} 个班级毕业（共 {students} 名学生）。休学学生留在原班级。升级前会先备份数据库。同一学年只能升级一次。</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>{name}: graduates ({count} students)</source>
        <translation>{name}：毕业（{count} 人）</translation>
    </message>
    <message>
        <source>{name} → {new_name} ({grade}, {count} students)</source>
        <translation>{name} → {new_name}（{grade}，{count} 人）</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RosterImportSpec</name>
    <message>
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
</context>
<context>
    <name>RosterOperations</name>
    <message>
        <source>Export roster</source>
        <translation>导出名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{school} roster.xlsx</source>
        <translation>{school}学生名册.xlsx</translation>
    </message>
    <message>
        <source>Exporting the roster…</source>
        <translation>正在导出名册…</translation>
    </message>
    <message>
        <source>{count} students were exported to {path}.</source>
        <translation>已将 {count} 名学生导出到 {path}。</translation>
    </message>
    <message>
        <source>Promote grades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Promoting the classes…</source>
        <translation>正在升级班级…</translation>
    </message>
    <message>
        <source>The classes moved up to school year {year}; {graduated} students graduated. A backup was saved first: {backup}</source>
        <translation>各班级已升入{year}学年，{graduated} 名学生毕业。升级前已保存备份：{backup}</translation>
    </message>
    <message>
        <source>This is not available yet in this version.</source>
        <translation>当前版本尚未提供此功能。</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>New student</source>
        <translation>新增学生</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>转出/状态变更</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出名册</translation>
    </message>
    <message>
        <source>Promote grades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Search by name or student number</source>
        <translation>按姓名或学籍号搜索</translation>
    </message>
    <message>
        <source>On roll</source>
        <translation>在籍（含转入）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>This workspace has no school yet. Set the school up in Settings, then come back here to add or import students.</source>
        <translation>这个工作区还没有学校。请先在“设置”中填写学校信息，再回到这里新增或导入学生。</translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <source>Your school</source>
        <translation>本校信息</translation>
    </message>
    <message>
        <source>These details identify the school&apos;s submissions to the bureau.</source>
        <translation>这些信息用于在向教育局报送时识别本校。</translation>
    </message>
    <message>
        <source>10 digits, e.g. 2141003456</source>
        <translation>10 位数字，例如 2141003456</translation>
    </message>
    <message>
        <source>School code (学校标识码)</source>
        <translation>学校标识码</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>District code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>School stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>Current term</source>
        <translation>当前学期</translation>
    </message>
    <message>
        <source>Enter the school&apos;s full name.</source>
        <translation>请填写学校全称。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies the next time Baosong starts.</source>
        <translation>更改语言后，下次启动报送时生效。</translation>
    </message>
    <message>
        <source>Current term</source>
        <translation>当前学期</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Term (e.g. 2025-2026-1)</source>
        <translation>学期（如 2025-2026-1）</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Save school profile</source>
        <translation>保存学校信息</translation>
    </message>
    <message>
        <source>School code (学校标识码)</source>
        <translation>学校标识码</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>District code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>School stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>No school yet: enter its profile and save.</source>
        <translation>尚未建立学校：请填写学校信息并保存。</translation>
    </message>
    <message>
        <source>Saved. Restart Baosong to see the new language everywhere.</source>
        <translation>已保存。重新启动报送后，新语言将在所有界面生效。</translation>
    </message>
    <message>
        <source>The current term is now {term}.</source>
        <translation>当前学期已设为{term}。</translation>
    </message>
    <message>
        <source>The school profile was saved.</source>
        <translation>学校信息已保存。</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>转出/状态变更</translation>
    </message>
    <message>
        <source>{name} ({number}) is now: {status}.</source>
        <translation>{name}（{number}）目前的状态：{status}。</translation>
    </message>
    <message>
        <source>e.g. the school the student moves to</source>
        <translation>例如：转入的学校</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>Edit student</source>
        <translation>编辑学生</translation>
    </message>
    <message>
        <source>New student</source>
        <translation>新增学生</translation>
    </message>
    <message>
        <source>G, J or L followed by 18 characters</source>
        <translation>G、J 或 L 加 18 位字符</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Optional; 18 characters</source>
        <translation>选填；18 位</translation>
    </message>
    <message>
        <source>Exempt from PE</source>
        <translation>体育免修</translation>
    </message>
    <message>
        <source>Reason, e.g. a doctor&apos;s certificate</source>
        <translation>免修原因，例如医院证明</translation>
    </message>
    <message>
        <source>Student number *</source>
        <translation>学籍号 *</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>性别 *</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Grade *</source>
        <translation>年级 *</translation>
    </message>
    <message>
        <source>Class number *</source>
        <translation>班号 *</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PE</source>
        <translation>体育</translation>
    </message>
    <message>
        <source>Use &apos;Change status&apos; to record a transfer or suspension.</source>
        <translation>转出、休学等状态变化请用“转出/状态变更”记录。</translation>
    </message>
    <message>
        <source>Give the reason for the PE exemption.</source>
        <translation>请填写体育免修的原因。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <source>Fill in the fields marked with *.</source>
        <translation>请填写带 * 的项目。</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PE exempt</source>
        <translation>体育免修</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
</context>
</TS>
