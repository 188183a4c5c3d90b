<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppController</name>
    <message>
        <source>Today&apos;s backup of the database was saved.</source>
        <translation>今天的数据库备份已保存。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The backup was restored. The state before the restore was saved as {name}.</source>
        <translation>备份已恢复。恢复前的数据已另存为 {name}。</translation>
    </message>
</context>
<context>
    <name>ArtsActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>e.g. 校园艺术节合唱比赛</source>
        <translation>例如 校园艺术节合唱比赛</translation>
    </message>
    <message>
        <source>On the day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>The whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>班级：</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>所属项目：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Term {term}</source>
        <translation>学期 {term}</translation>
    </message>
</context>
<context>
    <name>ArtsActivityModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Club, interest group, arts festival or performance.</source>
        <translation>社团、兴趣小组、艺术节或展演。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The activity&apos;s name.</source>
        <translation>活动名称。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Year-month-day; empty for a term-long activity.</source>
        <translation>年-月-日；贯穿整个学期的活动留空。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>The class, for one class&apos;s activity; empty for the school.</source>
        <translation>班级活动填写班级；全校活动留空。</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与学生</translation>
    </message>
    <message>
        <source>Number of students taking part.</source>
        <translation>参与的学生人数。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What happened.</source>
        <translation>活动内容。</translation>
    </message>
</context>
<context>
    <name>ArtsAssessmentModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Whole points from 0 to {max}; empty until assessed.</source>
        <translation>0 到 {max} 的整数分；未测评时留空。</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>The sum of the six sub-scores, at most {cap} points; shown once all six are in.</source>
        <translation>六项分数之和，最高 {cap} 分；六项都填写后才显示。</translation>
    </message>
    <message>
        <source>优秀 ≥ {excellent}, 良好 ≥ {good}, 合格 ≥ {pass_}, else 不合格.</source>
        <translation>优秀 ≥ {excellent}，良好 ≥ {good}，合格 ≥ {pass_}，否则不合格。</translation>
    </message>
    <message>
        <source>Whether the teacher confirmed the outside-learning and arts-specialty points (typed points count as confirmed; tick to accept suggested ones).</source>
        <translation>教师是否已确认校外学习和艺术特长的分数（手动填写的分数视为已确认；勾选即采纳建议分数）。</translation>
    </message>
</context>
<context>
    <name>ArtsAssessmentTab</name>
    <message>
        <source>No specialty or arts award recorded this school year.</source>
        <translation>本学年没有记录艺术特长或艺术类获奖。</translation>
    </message>
    <message>
        <source>Suggest development points</source>
        <translation>建议发展指标分数</translation>
    </message>
    <message>
        <source>Fill in outside learning and arts specialty from the students&apos; specialties and awards (selected students, or all); confirmed points are kept.</source>
        <translation>根据学生的特长和获奖填写校外学习和艺术特长分数（选中的学生，未选中则全部学生）；已确认的分数保持不变。</translation>
    </message>
    <message>
        <source>Open the first class</source>
        <translation>打开第一个班级</translation>
    </message>
    <message>
        <source>Choose a class in the tree on the left: the arts assessment is entered class by class, for the school year {year}.</source>
        <translation>请在左侧选择一个班级：艺术素质测评按班级录入，学年为 {year}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{year}: {complete} of {students} students complete ({bands}); average {average}; {missing} not started; {unconfirmed} with development points not confirmed.</source>
        <translation>{year}：{students} 名学生中 {complete} 名已完成（{bands}）；平均分 {average}；{missing} 名尚未开始；{unconfirmed} 名的发展指标分数未确认。</translation>
    </message>
</context>
<context>
    <name>ArtsAwardModel</name>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>比赛名称</translation>
    </message>
    <message>
        <source>The competition or performance, as on the certificate.</source>
        <translation>比赛或展演名称，与证书一致。</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Who organised it (主办单位).</source>
        <translation>举办方（主办单位）。</translation>
    </message>
    <message>
        <source>Education authority</source>
        <translation>教育行政部门</translation>
    </message>
    <message>
        <source>Whether the organiser is an education authority (the school or an education bureau): only those awards count toward the arts specialty.</source>
        <translation>主办单位是否为教育行政部门（学校或教育局）：只有这类获奖计入艺术特长。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>National, provincial, city, county or district, school.</source>
        <translation>国家级、省级、市级、县区级、校级。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>As on the certificate, e.g. 一等奖, 金奖, 第一名.</source>
        <translation>与证书一致，例如 一等奖、金奖、第一名。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date of the award, year-month-day.</source>
        <translation>获奖日期，年-月-日。</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>获奖学生</translation>
    </message>
    <message>
        <source>The students who won it, or the team&apos;s name.</source>
        <translation>获奖的学生或团队名称。</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Arts, sports, labor or other.</source>
        <translation>美育、体育、劳动或其他。</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>What to check before submitting: a national contest not on the Ministry&apos;s list, or an arts award that does not count toward the arts specialty.</source>
        <translation>报送前需要核对的事项：不在教育部竞赛名单内的国家级赛事，或不计入艺术特长的艺术类获奖。</translation>
    </message>
</context>
<context>
    <name>ArtsAwardsTab</name>
    <message>
        <source>New award</source>
        <translation>新增获奖</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>No awards recorded for the school year {year} here yet. Record one from its certificate, or import the list of winners from a spreadsheet.</source>
        <translation>{year} 学年这里还没有获奖记录。请根据证书新增一条，或从表格导入获奖名单。</translation>
    </message>
    <message>
        <source>Delete award</source>
        <translation>删除获奖</translation>
    </message>
    <message>
        <source>Delete the award “{award}” of {winners}?</source>
        <translation>删除 {winners} 的获奖“{award}”吗？</translation>
    </message>
</context>
<context>
    <name>ArtsCourseModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Attendance %</source>
        <translation>出勤率%</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>课堂参与</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>Tasks set</source>
        <translation>布置任务</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>Lessons attended, whole per cent from 0 to 100.</source>
        <translation>出勤的课时比例，0 到 100 的整数百分比。</translation>
    </message>
    <message>
        <source>Participation in class: excellent, good, pass or needs improvement.</source>
        <translation>课堂参与度：优秀、良好、合格或待改进。</translation>
    </message>
    <message>
        <source>Learning tasks completed, a whole number (at most the tasks set).</source>
        <translation>完成的学习任务数，整数（不超过布置的任务数）。</translation>
    </message>
    <message>
        <source>Learning tasks set this term.</source>
        <translation>本学期布置的学习任务数。</translation>
    </message>
    <message>
        <source>A short note.</source>
        <translation>简短备注。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number from 0 to {high}.</source>
        <translation>“{value}”不是 0 到 {high} 之间的整数。</translation>
    </message>
</context>
<context>
    <name>ArtsCoursesTab</name>
    <message>
        <source>Teacher (optional)</source>
        <translation>任课教师（可不填）</translation>
    </message>
    <message>
        <source>Save course records</source>
        <translation>保存课程记录</translation>
    </message>
    <message>
        <source>Course records —</source>
        <translation>课程记录 —</translation>
    </message>
    <message>
        <source>Open the first class</source>
        <translation>打开第一个班级</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Participants…</source>
        <translation>参与学生…</translation>
    </message>
    <message>
        <source>Add the class</source>
        <translation>加入本班</translation>
    </message>
    <message>
        <source>Arts activities of the term:</source>
        <translation>本学期的艺术活动：</translation>
    </message>
    <message>
        <source>Choose a class in the tree on the left to enter its course records: attendance, participation and tasks, subject by subject.</source>
        <translation>请在左侧选择一个班级，按学科录入课程记录：出勤、课堂参与和学习任务。</translation>
    </message>
    <message>
        <source>No arts activities this term yet. Record a club&apos;s term, the arts festival or a performance, then add its participants (a whole class at once).</source>
        <translation>本学期还没有艺术活动。请新增社团活动、艺术节或展演，再添加参与学生（可一次加入整个班级）。</translation>
    </message>
    <message>
        <source>Nothing entered yet.</source>
        <translation>还没有填写任何内容。</translation>
    </message>
    <message>
        <source>Saved: {created} new, {updated} changed, {unchanged} unchanged.</source>
        <translation>已保存：新增 {created} 条，修改 {updated} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “{name}” and its list of participants?</source>
        <translation>删除“{name}”及其参与学生名单吗？</translation>
    </message>
</context>
<context>
    <name>ArtsLabels</name>
    <message>
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>County or district</source>
        <translation>县区级</translation>
    </message>
    <message>
        <source>School</source>
        <translation>校级</translation>
    </message>
    <message>
        <source>Special prize</source>
        <translation>特等奖</translation>
    </message>
    <message>
        <source>First prize</source>
        <translation>一等奖</translation>
    </message>
    <message>
        <source>Second prize</source>
        <translation>二等奖</translation>
    </message>
    <message>
        <source>Third prize</source>
        <translation>三等奖</translation>
    </message>
    <message>
        <source>Merit award</source>
        <translation>优秀奖</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Arts</source>
        <translation>艺术</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>体育</translation>
    </message>
    <message>
        <source>Labor</source>
        <translation>劳动</translation>
    </message>
    <message>
        <source>Club</source>
        <translation>社团</translation>
    </message>
    <message>
        <source>Interest group</source>
        <translation>兴趣小组</translation>
    </message>
    <message>
        <source>Arts festival</source>
        <translation>艺术节</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Fine art</source>
        <translation>美术</translation>
    </message>
    <message>
        <source>Integrated arts</source>
        <translation>综合艺术</translation>
    </message>
    <message>
        <source>Local or school-based arts</source>
        <translation>地方/校本艺术课</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Needs improvement</source>
        <translation>待改进</translation>
    </message>
    <message>
        <source>Performing arts</source>
        <translation>艺术表演类</translation>
    </message>
    <message>
        <source>Art works</source>
        <translation>艺术作品类</translation>
    </message>
    <message>
        <source>Arts practice workshop</source>
        <translation>学生艺术实践工作坊</translation>
    </message>
    <message>
        <source>In-school specialist training</source>
        <translation>校内特长生训练</translation>
    </message>
    <message>
        <source>School club</source>
        <translation>社团</translation>
    </message>
    <message>
        <source>Outside school</source>
        <translation>校外</translation>
    </message>
    <message>
        <source>Signature programme (一校一品)</source>
        <translation>一校一品</translation>
    </message>
    <message>
        <source>Course learning</source>
        <translation>课程学习</translation>
    </message>
    <message>
        <source>Extracurricular</source>
        <translation>课外活动</translation>
    </message>
    <message>
        <source>Basic knowledge</source>
        <translation>基础知识</translation>
    </message>
    <message>
        <source>Basic skills</source>
        <translation>基本技能</translation>
    </message>
    <message>
        <source>Outside learning</source>
        <translation>校外学习</translation>
    </message>
    <message>
        <source>Arts specialty</source>
        <translation>艺术特长</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>ArtsPage</name>
    <message>
        <source>Courses and activities</source>
        <translation>课程与活动</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>获奖</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>测评</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>No students yet. Arts records belong to the students of the roster: import the roster first.</source>
        <translation>还没有学生。美育记录属于名册中的学生：请先导入学生名册。</translation>
    </message>
</context>
<context>
    <name>ArtsProgrammeModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Signature programme (一校一品), club or interest group.</source>
        <translation>一校一品项目、社团或兴趣小组。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Arts or sports.</source>
        <translation>艺术或体育。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>E.g. 合唱团, 校园足球.</source>
        <translation>例如 合唱团、校园足球。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>E.g. 合唱, 民乐, 书法.</source>
        <translation>例如 合唱、民乐、书法。</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>指导教师</translation>
    </message>
    <message>
        <source>The teacher in charge.</source>
        <translation>负责的教师。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Students who are members in the school year.</source>
        <translation>本学年的成员学生人数。</translation>
    </message>
</context>
<context>
    <name>ArtsSchoolTab</name>
    <message>
        <source>Programmes and clubs</source>
        <translation>项目与社团</translation>
    </message>
    <message>
        <source>Annual self-evaluation</source>
        <translation>年度自评</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>成员…</translation>
    </message>
    <message>
        <source>Add the class</source>
        <translation>加入本班</translation>
    </message>
    <message>
        <source>Fill in from the records</source>
        <translation>从记录中填入</translation>
    </message>
    <message>
        <source>Clubs, their projects, arts festivals and the share of students taking part.</source>
        <translation>社团及其项目、艺术节场次和学生参与面。</translation>
    </message>
    <message>
        <source>Save the self-evaluation</source>
        <translation>保存自评</translation>
    </message>
    <message>
        <source>No programmes or clubs yet. Record the school&apos;s 一校一品 programme and its clubs and interest groups, then their members for the school year {year}.</source>
        <translation>还没有项目或社团。请先登记学校的一校一品项目、社团和兴趣小组，再登记 {year} 学年的成员。</translation>
    </message>
    <message>
        <source>{year}: not saved yet.</source>
        <translation>{year}：尚未保存。</translation>
    </message>
    <message>
        <source>{year}: saved; the total appears once every section has a score.</source>
        <translation>{year}：已保存；各部分都打分后显示总分。</translation>
    </message>
    <message>
        <source>{year}: saved, total {total} points.</source>
        <translation>{year}：已保存，总分 {total} 分。</translation>
    </message>
    <message>
        <source>Delete programme</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete “{name}” and its member lists of every school year?</source>
        <translation>删除“{name}”及其各学年的成员名单吗？</translation>
    </message>
</context>
<context>
    <name>ArtsSettingsDialog</name>
    <message>
        <source>Arts assessment rules</source>
        <translation>美育测评规则</translation>
    </message>
    <message>
        <source>These defaults follow the national documents (中小学生艺术素质测评办法, 2015); the district may adjust them. Saving recomputes every stored total and band.</source>
        <translation>这些默认值依据国家文件（《中小学生艺术素质测评办法》，2015年）；区里可以调整。保存后将重新计算已存的所有总分和等级。</translation>
    </message>
    <message>
        <source>100 (the bonus cannot lift the total above 100)</source>
        <translation>100（加分不能使总分超过100）</translation>
    </message>
    <message>
        <source>None (totals up to {top})</source>
        <translation>不封顶（总分最高 {top}）</translation>
    </message>
    <message>
        <source>Basic indicator (基础指标)</source>
        <translation>基础指标</translation>
    </message>
    <message>
        <source>Academic indicator (学业指标)</source>
        <translation>学业指标</translation>
    </message>
    <message>
        <source>Development indicator (发展指标)</source>
        <translation>发展指标</translation>
    </message>
    <message>
        <source>Sub-indicator maxima</source>
        <translation>二级指标满分</translation>
    </message>
    <message>
        <source>{indicator}: {total} points</source>
        <translation>{indicator}：{total} 分</translation>
    </message>
    <message>
        <source>Bands and total</source>
        <translation>等级与总分</translation>
    </message>
    <message>
        <source>{band} from</source>
        <translation>{band}起点</translation>
    </message>
    <message>
        <source>{band} below that</source>
        <translation>{band}：低于合格起点</translation>
    </message>
    <message>
        <source>Total cap</source>
        <translation>总分上限</translation>
    </message>
    <message>
        <source>Sum: {total} of {top}</source>
        <translation>合计：{total} / {top}</translation>
    </message>
</context>
<context>
    <name>ArtsSpecialtiesTab</name>
    <message>
        <source>New specialty</source>
        <translation>新增特长</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A specialty trained outside school counts as outside learning (校外学习); only in-school training and school clubs count toward the arts specialty score.</source>
        <translation>在校外培养的特长计入校外学习；只有校内特长生训练和社团计入艺术特长分数。</translation>
    </message>
    <message>
        <source>No arts specialties recorded for the school year {year} here yet. Record a student&apos;s specialty: what it is and how it is trained.</source>
        <translation>{year} 学年这里还没有艺术特长记录。请登记学生的特长：特长项目和培养方式。</translation>
    </message>
    <message>
        <source>Delete specialty</source>
        <translation>删除特长</translation>
    </message>
    <message>
        <source>Delete {name}&apos;s specialty {category}?</source>
        <translation>删除 {name} 的特长“{category}”吗？</translation>
    </message>
</context>
<context>
    <name>ArtsSpecialtyModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Grade and class.</source>
        <translation>年级和班级。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Performing arts, art works or arts practice workshop.</source>
        <translation>艺术表演类、艺术作品类或学生艺术实践工作坊。</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>From the national list, e.g. 声乐, 器乐, 书法, 剪纸.</source>
        <translation>按全国名录填写，例如 声乐、器乐、书法、剪纸。</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>细类</translation>
    </message>
    <message>
        <source>E.g. 民族管弦乐器 for 器乐.</source>
        <translation>例如 器乐中的民族管弦乐器。</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>培养方式</translation>
    </message>
    <message>
        <source>In-school specialist training or a school club count toward the arts specialty; outside school counts as outside learning.</source>
        <translation>校内特长生训练或社团计入艺术特长；校外培养计入校外学习。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>水平</translation>
    </message>
    <message>
        <source>The student&apos;s level in words, e.g. 钢琴八级.</source>
        <translation>学生水平的文字描述，例如 钢琴八级。</translation>
    </message>
    <message>
        <source>Trained outside school: counts as outside learning (校外学习), not toward the arts specialty.</source>
        <translation>校外培养：计入校外学习，不计入艺术特长。</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Edit award</source>
        <translation>编辑获奖</translation>
    </message>
    <message>
        <source>New award</source>
        <translation>新增获奖</translation>
    </message>
    <message>
        <source>e.g. 河南省中小学生艺术展演</source>
        <translation>例如 河南省中小学生艺术展演</translation>
    </message>
    <message>
        <source>e.g. 河南省教育厅</source>
        <translation>例如 河南省教育厅</translation>
    </message>
    <message>
        <source>Organised by an education authority (school or bureau)</source>
        <translation>由教育行政部门主办（学校或教育局）</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Yes, on the Ministry&apos;s list</source>
        <translation>是，在教育部竞赛名单内</translation>
    </message>
    <message>
        <source>No, not on the list</source>
        <translation>否，不在名单内</translation>
    </message>
    <message>
        <source>e.g. 声乐, 书法, 足球</source>
        <translation>例如 声乐、书法、足球</translation>
    </message>
    <message>
        <source>Choose students…</source>
        <translation>选择学生…</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>比赛名称：</translation>
    </message>
    <message>
        <source>Organiser:</source>
        <translation>主办单位：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Ministry&apos;s list:</source>
        <translation>教育部名单：</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>等次：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>获奖日期：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Certificate number:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <source>Adviser:</source>
        <translation>指导教师：</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>团队名称：</translation>
    </message>
    <message>
        <source>Winners:</source>
        <translation>获奖学生：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Counts toward the arts specialty score.</source>
        <translation>计入艺术特长分数。</translation>
    </message>
    <message>
        <source>Does not count toward the arts specialty score.</source>
        <translation>不计入艺术特长分数。</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>获奖学生</translation>
    </message>
    <message>
        <source>No student chosen yet.</source>
        <translation>还没有选择学生。</translation>
    </message>
</context>
<context>
    <name>AwardsImportSpec</name>
    <message>
        <source>Import awards</source>
        <translation>导入获奖名单</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before grade promotion</source>
        <translation>年级升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>Before a database upgrade</source>
        <translation>数据库升级前</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Baosong saves a backup of the database every day (the last 14 days and the last 12 months are kept) and before every risky action: a database upgrade, grade promotion, a restore. The backups are in {folder}.</source>
        <translation>报送每天自动备份数据库（保留最近 14 天和最近 12 个月的备份），并在每次风险操作前备份：数据库升级、年级升级、恢复。备份保存在 {folder}。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>{count} backups, newest first.</source>
        <translation>共 {count} 个备份，最新的在前。</translation>
    </message>
    <message>
        <source>{count} damaged (in red) cannot be restored.</source>
        <translation>其中 {count} 个已损坏（红色），不能恢复。</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore the backup of {date} ({kind}: {school}, {students} students)?

The current state of the database is saved first as a backup, so this can be undone. Baosong then closes the workspace, puts the backup in its place and opens it again.</source>
        <translation>恢复 {date} 的备份（{kind}：{school}，{students} 名学生）吗？

当前的数据会先保存为一个备份，因此这次恢复可以撤销。随后报送关闭工作区，用该备份替换数据库，再重新打开。</translation>
    </message>
</context>
<context>
    <name>BureauIntakePage</name>
    <message>
        <source>Drop the schools&apos; packet files (.bspkt) or folders here. Check them first: the check shows who sent each packet and what merging it would change, and changes nothing. Then merge.</source>
        <translation>把学校报送的数据包文件（.bspkt）或所在文件夹拖到这里。先“检查”：检查会显示每个数据包由谁发送、合并后会有哪些变化，且不改动任何数据。然后再“合并”。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>No packets yet. Drop the packet files the schools sent (.bspkt, e.g. from a USB stick) onto this page, or add them with the buttons. Enrol each school on the School registry page first, or its packets are refused.</source>
        <translation>还没有数据包。把学校报送的数据包文件（.bspkt，例如 U 盘中的）拖到本页，或用下面的按钮添加。请先在“学校登记”页登记每所学校，否则其数据包会被拒收。</translation>
    </message>
    <message>
        <source>{n} files added. Check them next.</source>
        <translation>已添加 {n} 个文件。下一步请检查。</translation>
    </message>
    <message>
        <source>No new packet files: they are listed already.</source>
        <translation>没有新的数据包文件：这些文件已在列表中。</translation>
    </message>
    <message>
        <source>Enter the passphrase of the bureau&apos;s keys to open and check the packets.</source>
        <translation>请输入教育局密钥的口令，以打开并检查数据包。</translation>
    </message>
    <message>
        <source>Checking the packets…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>Merging packets…</source>
        <translation>正在合并数据包…</translation>
    </message>
    <message>
        <source>Check finished. Can be merged: {ok}; merged before: {dup}; refused: {bad}. Nothing was changed yet: press Merge to commit.</source>
        <translation>检查完成。可合并：{ok}；此前已合并：{dup}；拒收：{bad}。尚未改动任何数据：点击“合并”提交。</translation>
    </message>
    <message>
        <source>Merge finished. Merged: {ok}; merged before: {dup}; refused and copied to the quarantine folder {folder}: {bad}.</source>
        <translation>合并完成。已合并：{ok}；此前已合并：{dup}；拒收并复制到隔离文件夹 {folder}：{bad}。</translation>
    </message>
    <message>
        <source>The database was backed up first.</source>
        <translation>合并前已备份数据库。</translation>
    </message>
    <message>
        <source>Stopped. Packets merged before stopping stay merged; check the list again to see where each stands.</source>
        <translation>已停止。停止前已合并的数据包保持已合并；请重新检查列表，查看每个数据包的状态。</translation>
    </message>
    <message>
        <source>Add packet files</source>
        <translation>添加数据包文件</translation>
    </message>
    <message>
        <source>Packets (*{suffix})</source>
        <translation>数据包 (*{suffix})</translation>
    </message>
    <message>
        <source>Add a folder of packets</source>
        <translation>添加数据包所在文件夹</translation>
    </message>
</context>
<context>
    <name>BureauLabels</name>
    <message>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Student status changes</source>
        <translation>学籍变动</translation>
    </message>
    <message>
        <source>School programmes</source>
        <translation>学校特色项目</translation>
    </message>
    <message>
        <source>Programme members</source>
        <translation>项目成员</translation>
    </message>
    <message>
        <source>Arts activities</source>
        <translation>美育活动</translation>
    </message>
    <message>
        <source>Arts activity participants</source>
        <translation>美育活动参与</translation>
    </message>
    <message>
        <source>Arts course records</source>
        <translation>艺术课程记录</translation>
    </message>
    <message>
        <source>Arts specialties</source>
        <translation>艺术特长</translation>
    </message>
    <message>
        <source>Arts assessments</source>
        <translation>美育评价</translation>
    </message>
    <message>
        <source>Arts self-evaluations</source>
        <translation>美育自评</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>获奖</translation>
    </message>
    <message>
        <source>Award winners</source>
        <translation>获奖学生</translation>
    </message>
    <message>
        <source>Labor activities</source>
        <translation>劳动活动</translation>
    </message>
    <message>
        <source>Labor participations</source>
        <translation>劳动参与</translation>
    </message>
    <message>
        <source>Labor evidence</source>
        <translation>劳动佐证材料</translation>
    </message>
    <message>
        <source>Labor literacy evaluations</source>
        <translation>劳动素养评价</translation>
    </message>
    <message>
        <source>Labor evaluation corrections</source>
        <translation>劳动评价更正</translation>
    </message>
    <message>
        <source>PE process records</source>
        <translation>体育过程记录</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Changed at (UTC)</source>
        <translation>修改时间（UTC）</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>学校标识码</translation>
    </message>
    <message>
        <source>Student number (学籍号)</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
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
        <source>Ethnicity code</source>
        <translation>民族代码</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
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
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>学年</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Replaced by a new key</source>
        <translation>已被新密钥替换</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Same revision, other content</source>
        <translation>版本相同、内容不同</translation>
    </message>
    <message>
        <source>Student at two schools</source>
        <translation>学生同时在两所学校</translation>
    </message>
</context>
<context>
    <name>BureauMainWindow</name>
    <message>
        <source>Packet intake</source>
        <translation>报送接收</translation>
    </message>
    <message>
        <source>School registry</source>
        <translation>学校登记</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>数据冲突</translation>
    </message>
    <message>
        <source>Receipts and returns</source>
        <translation>回执与退回</translation>
    </message>
    <message>
        <source>District overview</source>
        <translation>区域概览</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>First &amp;steps</source>
        <translation>入门步骤(&amp;S)</translation>
    </message>
    <message>
        <source>no bureau yet</source>
        <translation>尚未设置教育局</translation>
    </message>
    <message>
        <source>{app} — {bureau}</source>
        <translation>{app} — {bureau}</translation>
    </message>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
    <message>
        <source>{n} conflicts wait for a decision.</source>
        <translation>有 {n} 条冲突等待处理。</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>入门步骤</translation>
    </message>
    <message>
        <source>1. Settings → Export public keys…: give the file to every school and read them its fingerprint by phone.
2. School registry → Enrol identity file…: each school&apos;s file, after comparing its fingerprint by phone.
3. Packet intake: drop the packets the schools send, Check, then Merge.
4. Conflicts: decide each record that disagrees with the central data.
5. Receipts and returns: write the signed receipts for the schools, and return what they must correct.</source>
        <translation>1. 设置 → 导出公钥…：把文件发给每所学校，并通过电话向学校念出其指纹。
2. 学校登记 → 登记身份文件…：通过电话核对指纹后，登记每所学校的身份文件。
3. 报送接收：拖入学校报送的数据包，先检查，再合并。
4. 数据冲突：逐条处理与中心数据不一致的记录。
5. 回执与退回：为学校写出签名回执，并退回需要更正的内容。</translation>
    </message>
    <message>
        <source>Baosong (报送) {version}

The education bureau&apos;s workspace: verifies and merges the schools&apos; signed submission packets, keeps the registry of school keys and sends signed receipts.</source>
        <translation>报送 (Baosong) {version}

教育局工作区：验证并合并学校签名的报送数据包，管理学校密钥登记，并发送签名回执。</translation>
    </message>
</context>
<context>
    <name>BureauPassphraseDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>The passphrase chosen when the bureau was set up protects its private keys. Baosong does not keep it.</source>
        <translation>设置教育局时选定的口令用于保护其私钥。报送不会保存该口令。</translation>
    </message>
</context>
<context>
    <name>BureauSettingsPage</name>
    <message>
        <source>Bureau</source>
        <translation>教育局</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Bureau name</source>
        <translation>教育局名称</translation>
    </message>
    <message>
        <source>District code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Schools import the bureau&apos;s public keys file and compare its fingerprint with you by phone. Back up the private keys (they stay protected by the passphrase) to a safe place: without them no packet can be opened.</source>
        <translation>学校导入教育局的公钥文件，并通过电话与您核对指纹。请把私钥（仍受口令保护）备份到安全的地方：没有私钥，任何数据包都无法打开。</translation>
    </message>
    <message>
        <source>Export public keys…</source>
        <translation>导出公钥…</translation>
    </message>
    <message>
        <source>Back up private keys…</source>
        <translation>备份私钥…</translation>
    </message>
    <message>
        <source>Signing key (receipts)</source>
        <translation>签名密钥（回执）</translation>
    </message>
    <message>
        <source>Encryption key (packets)</source>
        <translation>加密密钥（数据包）</translation>
    </message>
    <message>
        <source>Baosong backs the central database up every day and before every merge. A backup can be restored here.</source>
        <translation>报送每天以及每次合并前都会备份中心数据库。可在此恢复备份。</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>尚无密钥</translation>
    </message>
    <message>
        <source>The bureau&apos;s details were saved.</source>
        <translation>教育局信息已保存。</translation>
    </message>
    <message>
        <source>The public keys were written to {path}. Give the file to every school.</source>
        <translation>公钥已写入 {path}。请把该文件发给每所学校。</translation>
    </message>
    <message>
        <source>{n} key files were copied to {folder}.</source>
        <translation>已将 {n} 个密钥文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>Export public keys</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>密钥文件 (*.json)</translation>
    </message>
    <message>
        <source>Back up the private keys to</source>
        <translation>将私钥备份到</translation>
    </message>
</context>
<context>
    <name>BureauSetupPage</name>
    <message>
        <source>The education bureau</source>
        <translation>教育局</translation>
    </message>
    <message>
        <source>This data folder becomes the bureau&apos;s workspace: it receives the schools&apos; packets. Its keys are made now.</source>
        <translation>此数据文件夹将成为教育局的工作区，用于接收学校的数据包。现在将生成教育局的密钥。</translation>
    </message>
    <message>
        <source>e.g. 孟津区教育局</source>
        <translation>例如：孟津区教育局</translation>
    </message>
    <message>
        <source>Bureau name</source>
        <translation>教育局名称</translation>
    </message>
    <message>
        <source>District code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>The passphrase protects the bureau&apos;s private keys: it is asked whenever packets are opened or receipts signed. Write it down and keep it safe; Baosong cannot recover it.</source>
        <translation>口令用于保护教育局的私钥：每次打开数据包或签署回执时都需要输入。请记下并妥善保管；报送无法找回口令。</translation>
    </message>
    <message>
        <source>Enter the bureau&apos;s full name.</source>
        <translation>请输入教育局全称。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>暂无可显示的数据。</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>图片另存为 PNG…</translation>
    </message>
    <message>
        <source>The picture could not be written to {path}.</source>
        <translation>无法将图片写入 {path}。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, or another file name.</source>
        <translation>请选择有写入权限的文件夹，或换一个文件名。</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
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
        <source>Set up the education bureau (receives the schools&apos; packets)</source>
        <translation>设置教育局（接收学校报送的数据包）</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Edit class</source>
        <translation>编辑班级</translation>
    </message>
    <message>
        <source>Name of the head teacher</source>
        <translation>班主任姓名</translation>
    </message>
    <message>
        <source>Grade code / class number:</source>
        <translation>年级编号 / 班级编号：</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>班级名称：</translation>
    </message>
    <message>
        <source>Head teacher:</source>
        <translation>班主任：</translation>
    </message>
</context>
<context>
    <name>ClassReportDialog</name>
    <message>
        <source>Print class reports</source>
        <translation>打印班级报告</translation>
    </message>
    <message>
        <source>Comprehensive quality record (综合素质档案)</source>
        <translation>综合素质档案</translation>
    </message>
    <message>
        <source>Physical fitness results (体质健康成绩单)</source>
        <translation>体质健康成绩单</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>班级：</translation>
    </message>
    <message>
        <source>PDF file:</source>
        <translation>PDF 文件：</translation>
    </message>
    <message>
        <source>Create PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>学年：</translation>
    </message>
    <message>
        <source>{year} school year</source>
        <translation>{year}学年</translation>
    </message>
    <message>
        <source>The school has no classes yet.</source>
        <translation>学校还没有班级。</translation>
    </message>
    <message>
        <source>comprehensive quality records</source>
        <translation>综合素质档案</translation>
    </message>
    <message>
        <source>physical fitness results</source>
        <translation>体质健康成绩单</translation>
    </message>
    <message>
        <source>{school} {class_name} {period} {report}</source>
        <translation>{school} {class_name} {period} {report}</translation>
    </message>
    <message>
        <source>{class_name} {period} {report}.pdf</source>
        <translation>{class_name} {period} {report}.pdf</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>{students} students, {pages} pages, saved as {path}.</source>
        <translation>共 {students} 名学生、{pages} 页，已保存为 {path}。</translation>
    </message>
    <message>
        <source>The PDF was not written.</source>
        <translation>未能生成 PDF。</translation>
    </message>
    <message>
        <source>Cancelled; no PDF was written.</source>
        <translation>已取消，未生成 PDF。</translation>
    </message>
</context>
<context>
    <name>ClassReportJob</name>
    <message>
        <source>The PDF could not be written to {path}: {reason}</source>
        <translation>无法将 PDF 写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Close the file if another program has it open, or choose another file or folder.</source>
        <translation>如果该文件正被其他程序打开，请先关闭它，或另选文件或文件夹。</translation>
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
    <name>ConflictsModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>The school whose packet brought the record</source>
        <translation>报送该记录的学校</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Central data</source>
        <translation>中心数据</translation>
    </message>
    <message>
        <source>Reported data</source>
        <translation>上报数据</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Keep the central data</source>
        <translation>保留中心数据</translation>
    </message>
    <message>
        <source>Take the reported data</source>
        <translation>采用上报数据</translation>
    </message>
    <message>
        <source>No conflicts are waiting. A conflict appears when a packet brings a record that disagrees with the central copy at the same revision, or a student that another school also reports. Merge packets on the Packet intake page first.</source>
        <translation>没有待处理的冲突。当数据包中的记录与中心数据版本相同但内容不同，或某学生同时被另一所学校上报时，就会出现冲突。请先在“报送接收”页合并数据包。</translation>
    </message>
    <message>
        <source>{table}: {record}, reported by {school}.</source>
        <translation>{table}：{record}，由 {school} 上报。</translation>
    </message>
    <message>
        <source>School {other} holds the same student. Taking the reported data moves the student to {school} (the record at {other} is marked deleted); keeping the central data leaves the student at {other}.</source>
        <translation>学校 {other} 也有该学生。采用上报数据会把该学生转到 {school}（{other} 的记录标记为删除）；保留中心数据则该学生仍在 {other}。</translation>
    </message>
    <message>
        <source>The central copy and the school&apos;s have the same revision but different content. Taking the reported data replaces the central copy; keeping the central data refuses this version (it is not asked about again).</source>
        <translation>中心数据与学校数据版本相同但内容不同。采用上报数据会替换中心数据；保留中心数据则拒收此版本（以后不再询问）。</translation>
    </message>
    <message>
        <source>The central data was kept.</source>
        <translation>已保留中心数据。</translation>
    </message>
    <message>
        <source>The reported data was taken.</source>
        <translation>已采用上报数据。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct the evaluation of {name}</source>
        <translation>更正 {name} 的评价</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <source>Required: why the confirmed result changes</source>
        <translation>必填：已确认的结果为什么要更改</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>评语：</translation>
    </message>
    <message>
        <source>Life skills:</source>
        <translation>生活技能：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Earlier corrections:</source>
        <translation>以往的更正：</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>请填写更正的原因。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何更改。</translation>
    </message>
</context>
<context>
    <name>CorrectionModel</name>
    <message>
        <source>Corrected</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Date and time (UTC).</source>
        <translation>日期和时间（UTC）。</translation>
    </message>
    <message>
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Who made the correction.</source>
        <translation>谁做的更正。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the evaluation was corrected.</source>
        <translation>评价为什么被更正。</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Old value → new value, per field.</source>
        <translation>每个字段的旧值 → 新值。</translation>
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
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The workspace database {path} is damaged: its integrity check failed. Baosong cannot open it safely.</source>
        <translation>工作区数据库 {path} 已损坏：完整性检查未通过。报送无法安全地打开它。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复这个备份</translation>
    </message>
    <message>
        <source>No intact backup was found in the workspace&apos;s backups folder. Quit, and ask whoever supports Baosong at your school for help; do not delete the folder.</source>
        <translation>在工作区的备份文件夹中没有找到完好的备份。请退出，并向学校负责报送技术支持的人员求助；不要删除该文件夹。</translation>
    </message>
    <message>
        <source>The latest intact backup is from {date} ({kind}): {school}, {students} students.

Restore it? Changes made after that moment are lost. The damaged database is kept in the backups folder.</source>
        <translation>最近一个完好的备份来自 {date}（{kind}）：{school}，{students} 名学生。

要恢复它吗？此后所做的修改将会丢失。损坏的数据库会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>no school yet</source>
        <translation>尚无学校</translation>
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
    <name>DistrictArtsModel</name>
    <message>
        <source>{band} %</source>
        <translation>{band}率</translation>
    </message>
    <message>
        <source>Share of the assessed students in the band {band}, in %.</source>
        <translation>已评价学生中{band}等级的比例（%）。</translation>
    </message>
    <message>
        <source>{level} awards</source>
        <translation>{level}获奖</translation>
    </message>
    <message>
        <source>Arts awards at the level {level} dated in the school year (the school&apos;s, not a grade&apos;s).</source>
        <translation>本学年{level}艺术类获奖数（按学校统计，不分年级）。</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Students on roll now, by the grade their class had in the school year.</source>
        <translation>当前在籍学生，按班级在该学年的年级统计。</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Students with an arts assessment of the school year with every sub-score entered (so with a band).</source>
        <translation>本学年艺术素质测评各分项均已录入（因而已有等级）的学生数。</translation>
    </message>
    <message>
        <source>Mean total</source>
        <translation>平均总分</translation>
    </message>
    <message>
        <source>Mean assessment total of the assessed students, in points.</source>
        <translation>已评价学生的测评平均总分，单位：分。</translation>
    </message>
    <message>
        <source>Participation %</source>
        <translation>活动参与率</translation>
    </message>
    <message>
        <source>Share of the students taking part in at least one arts activity of the school year, in %.</source>
        <translation>本学年至少参加一次艺术活动的学生比例（%）。</translation>
    </message>
    <message>
        <source>With a specialty</source>
        <translation>有特长</translation>
    </message>
    <message>
        <source>Students with a specialty record of the school year.</source>
        <translation>本学年有艺术特长记录的学生数。</translation>
    </message>
    <message>
        <source>Assessment bands by school (share of the assessed students)</source>
        <translation>各校测评等级分布（占已评价学生）</translation>
    </message>
    <message>
        <source>Taking part in arts activities, by school</source>
        <translation>各校艺术活动参与率</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>参与率</translation>
    </message>
    <message>
        <source>Specialty records by category ({scope})</source>
        <translation>艺术特长项目分布（{scope}）</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Arts awards by level, by school</source>
        <translation>各校艺术类获奖（按级别）</translation>
    </message>
</context>
<context>
    <name>DistrictArtsTab</name>
    <message>
        <source>Bands by school</source>
        <translation>各校等级分布</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>活动参与</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Awards by level</source>
        <translation>获奖级别</translation>
    </message>
    <message>
        <source>No arts records of {year} have reached the bureau for these schools yet. They arrive with the schools&apos; packets: merge them under Packet intake, or choose another school year.</source>
        <translation>教育局尚未收到这些学校 {year} 学年的美育记录。美育记录随学校的数据包报送：请先在“报送接收”中合并数据包，或选择其他学年。</translation>
    </message>
    <message>
        <source>{year}, district: {students} students, {assessed} assessed (mean total {mean}, excellent or good {good}), {participation} taking part in arts activities, {specialty} with a specialty, {awards} arts awards.</source>
        <translation>{year} 学年，全区：学生 {students} 人，已评价 {assessed} 人（平均总分 {mean}，优良率 {good}），艺术活动参与率 {participation}，有特长 {specialty} 人，艺术类获奖 {awards} 项。</translation>
    </message>
</context>
<context>
    <name>DistrictCharts</name>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Levels by school (share of the complete students)</source>
        <translation>各校等级分布（占完整测试学生）</translation>
    </message>
    <message>
        <source>Excellent or good (优良率) by school</source>
        <translation>各校优良率</translation>
    </message>
    <message>
        <source>Excellent or good</source>
        <translation>优良率</translation>
    </message>
    <message>
        <source>Pass rate (及格率) by school</source>
        <translation>各校及格率</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>及格率</translation>
    </message>
    <message>
        <source>District excellent or good</source>
        <translation>全区优良率</translation>
    </message>
    <message>
        <source>By grade: {scope}</source>
        <translation>按年级：{scope}</translation>
    </message>
    <message>
        <source>By sex: {scope}</source>
        <translation>按性别：{scope}</translation>
    </message>
    <message>
        <source>Underweight</source>
        <translation>低体重</translation>
    </message>
    <message>
        <source>Overweight</source>
        <translation>超重</translation>
    </message>
    <message>
        <source>Obese</source>
        <translation>肥胖</translation>
    </message>
    <message>
        <source>BMI categories by school (share of the students measured)</source>
        <translation>各校 BMI 分类（占已测身高体重学生）</translation>
    </message>
    <message>
        <source>Mean change of the total by school ({previous} → {year})</source>
        <translation>各校总分平均变化（{previous} → {year}）</translation>
    </message>
    <message>
        <source>Mean change</source>
        <translation>平均变化</translation>
    </message>
    <message>
        <source>Improved and moved up a level, by school</source>
        <translation>各校总分提高与等级上升比例</translation>
    </message>
    <message>
        <source>Total improved</source>
        <translation>总分提高</translation>
    </message>
    <message>
        <source>Moved up a level</source>
        <translation>等级上升</translation>
    </message>
    <message>
        <source>District improved</source>
        <translation>全区提高比例</translation>
    </message>
    <message>
        <source>Mean change of the total by grade</source>
        <translation>各年级总分平均变化</translation>
    </message>
</context>
<context>
    <name>DistrictDeadlinesDialog</name>
    <message>
        <source>Submission deadlines</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <source>A packet received on the deadline is on time; one received later, or none by then, is late. Days are counted in China time, by the day the bureau received the packet (not the school&apos;s clock).</source>
        <translation>截止日当天收到的数据包按时；此后收到或到期仍未收到的为逾期。日期按北京时间、以教育局收到数据包的日期计（不以学校电脑时间为准）。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Terms end on 31 January and on 31 July.</source>
        <translation>学期于 1 月 31 日和 7 月 31 日结束。</translation>
    </message>
    <message>
        <source>Without a date of its own, a term is due</source>
        <translation>未单独设定日期的学期，截止于</translation>
    </message>
    <message>
        <source>after the term ends.</source>
        <translation>学期结束后。</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Own date</source>
        <translation>单独设定</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Give this term a deadline of its own.</source>
        <translation>为该学期单独设定截止日期。</translation>
    </message>
    <message>
        <source>Before the term begins ({date}).</source>
        <translation>早于学期开始日期（{date}）。</translation>
    </message>
</context>
<context>
    <name>DistrictExportJobs</name>
    <message>
        <source>{school}: feedback report {term}</source>
        <translation>{school} {term} 反馈报告</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}: {reason}</source>
        <translation>无法将 PDF 写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Close the file if another program has it open, or choose another folder.</source>
        <translation>如文件已被其他程序打开，请先关闭，或选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>DistrictExportTab</name>
    <message>
        <source>National upload files of every school…</source>
        <translation>全区国家上报文件…</translation>
    </message>
    <message>
        <source>District statistics workbook…</source>
        <translation>全区统计工作簿…</translation>
    </message>
    <message>
        <source>Feedback report of each school…</source>
        <translation>各校反馈报告…</translation>
    </message>
    <message>
        <source>National fitness upload (国家学生体质健康标准数据上报)</source>
        <translation>国家学生体质健康标准数据上报</translation>
    </message>
    <message>
        <source>The school year&apos;s upload file of every school of the chosen type with students on roll, one .xlsx per school named by its 学校标识码, in one folder.</source>
        <translation>所选学段中每所有在籍学生的学校各生成一个本学年上报文件（.xlsx，以学校标识码命名），保存在同一文件夹中。</translation>
    </message>
    <message>
        <source>District statistics</source>
        <translation>全区统计</translation>
    </message>
    <message>
        <source>Fitness, value-added, labor and arts by school, grade and sex with the district&apos;s figures, and the submission overview, as one Excel workbook.</source>
        <translation>体质健康、增值评价、劳动教育和美育按学校、年级、性别的统计及全区数据，以及报送情况，合为一个 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Feedback to the schools</source>
        <translation>反馈给学校</translation>
    </message>
    <message>
        <source>A PDF per school that sent data (of the chosen type, or the chosen school) to send back: its figures beside the whole district&apos;s, and its students below the labor threshold or failing the fitness test, class by class.</source>
        <translation>为每所已报送数据的学校（所选学段或所选学校）生成一份 PDF 反馈报告：本校数据与全区数据对照，并按班级列出劳动时长未达标和体质测试不及格的学生。</translation>
    </message>
    <message>
        <source>This export is not part of this version yet.</source>
        <translation>此版本尚不包含该导出功能。</translation>
    </message>
    <message>
        <source>Folder for the national upload files</source>
        <translation>选择国家上报文件的保存文件夹</translation>
    </message>
    <message>
        <source>National upload {year}</source>
        <translation>国家上报 {year}</translation>
    </message>
    <message>
        <source>Writing the national upload file of each school…</source>
        <translation>正在生成各校的国家上报文件…</translation>
    </message>
    <message>
        <source>District statistics {term}.xlsx</source>
        <translation>全区统计 {term}.xlsx</translation>
    </message>
    <message>
        <source>Writing the district statistics workbook…</source>
        <translation>正在生成全区统计工作簿…</translation>
    </message>
    <message>
        <source>Folder for the feedback reports</source>
        <translation>选择反馈报告的保存文件夹</translation>
    </message>
    <message>
        <source>Feedback reports {term}</source>
        <translation>反馈报告 {term}</translation>
    </message>
    <message>
        <source>Writing the feedback report of each school…</source>
        <translation>正在生成各校的反馈报告…</translation>
    </message>
    <message>
        <source>{n} files were written to {folder}.</source>
        <translation>已将 {n} 个文件写入 {folder}。</translation>
    </message>
    <message>
        <source>District exports</source>
        <translation>全区导出</translation>
    </message>
    <message>
        <source>District statistics workbook</source>
        <translation>全区统计工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DistrictFilterBar</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the database again (after packets were merged).</source>
        <translation>重新读取数据库（合并数据包之后）。</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>学年：</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>School type:</source>
        <translation>学段：</translation>
    </message>
    <message>
        <source>All school types</source>
        <translation>全部学段</translation>
    </message>
    <message>
        <source>小学 = grades 1–6, 初中 = grades 7–9, 高中 = senior grades 1–3, by the grade of each student: a nine-year school counts under both 小学 and 初中.</source>
        <translation>小学 = 1–6 年级，初中 = 7–9 年级，高中 = 高一至高三，按每名学生的年级划分：九年一贯制学校同时计入小学和初中。</translation>
    </message>
    <message>
        <source>School:</source>
        <translation>学校：</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>Primary (小学)</source>
        <translation>小学</translation>
    </message>
    <message>
        <source>Junior (初中)</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>Senior (高中)</source>
        <translation>高中</translation>
    </message>
</context>
<context>
    <name>DistrictFitnessModel</name>
    <message>
        <source>{level} %</source>
        <translation>{level}占比</translation>
    </message>
    <message>
        <source>Share of the complete students at the level {level}, in %.</source>
        <translation>完整测试学生中{level}的比例（%）。</translation>
    </message>
    <message>
        <source>Share of the tested students with height and weight measured whose BMI is {category} (national bands by grade and sex), in %.</source>
        <translation>已测身高体重的学生中 BMI 为{category}的比例（按国家标准分年级、性别的界值），单位 %。</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>测试人数</translation>
    </message>
    <message>
        <source>Students on roll with a result of the school year that is not exempt (complete or not).</source>
        <translation>本学年有测试成绩且未免测的在籍学生（无论是否完整）。</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免测人数</translation>
    </message>
    <message>
        <source>免测 students: counted here and in no rate.</source>
        <translation>免测学生：只在此计数，不计入任何比率。</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>缺项人数</translation>
    </message>
    <message>
        <source>Tested, but an item is missing: left out of the level rates and the mean total.</source>
        <translation>已测试但有缺项：不计入等级比率和平均总分。</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>未测人数</translation>
    </message>
    <message>
        <source>On roll, with nothing recorded for the school year (by the grade the class had then).</source>
        <translation>在籍但本学年无任何记录（按班级在该学年的年级统计）。</translation>
    </message>
    <message>
        <source>Mean total</source>
        <translation>平均总分</translation>
    </message>
    <message>
        <source>Mean school-year total (学年总分, bonus included) of the complete students; points.</source>
        <translation>完整测试学生的学年总分（含加分）平均值，单位：分。</translation>
    </message>
    <message>
        <source>Excellent or good %</source>
        <translation>优良率</translation>
    </message>
    <message>
        <source>优良率: excellent + good, of the complete students, in %.</source>
        <translation>优良率：完整测试学生中优秀与良好之和的比例（%）。</translation>
    </message>
    <message>
        <source>Pass rate %</source>
        <translation>及格率</translation>
    </message>
    <message>
        <source>及格率: pass or better (60 points and more), of the complete students, in %.</source>
        <translation>及格率：完整测试学生中及格及以上（60 分及以上）的比例（%）。</translation>
    </message>
    <message>
        <source>Obese %</source>
        <translation>肥胖率</translation>
    </message>
    <message>
        <source>obese (肥胖)</source>
        <translation>肥胖</translation>
    </message>
    <message>
        <source>Overweight %</source>
        <translation>超重率</translation>
    </message>
    <message>
        <source>overweight (超重)</source>
        <translation>超重</translation>
    </message>
    <message>
        <source>Underweight %</source>
        <translation>低体重率</translation>
    </message>
    <message>
        <source>underweight (低体重)</source>
        <translation>低体重</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>比较人数</translation>
    </message>
    <message>
        <source>Students on roll with a complete result both in {previous} and in this school year.</source>
        <translation>在 {previous} 学年和本学年均有完整成绩的在籍学生。</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>未比较人数</translation>
    </message>
    <message>
        <source>Complete this school year, but no complete result in {previous} (new, transferred in, or not tested then).</source>
        <translation>本学年成绩完整，但 {previous} 学年无完整成绩（新生、转入或当时未测）。</translation>
    </message>
    <message>
        <source>Mean change</source>
        <translation>平均变化</translation>
    </message>
    <message>
        <source>Mean change of the total against {previous}, in points (+ is better).</source>
        <translation>与 {previous} 相比总分的平均变化，单位：分（+ 表示提高）。</translation>
    </message>
    <message>
        <source>Improved %</source>
        <translation>提高比例</translation>
    </message>
    <message>
        <source>Share of the compared students whose total went up, in %.</source>
        <translation>比较学生中总分提高的比例（%）。</translation>
    </message>
    <message>
        <source>Up a level %</source>
        <translation>等级上升比例</translation>
    </message>
    <message>
        <source>Share of the compared students who moved up at least one level (不及格 &lt; 及格 &lt; 良好 &lt; 优秀), in %.</source>
        <translation>比较学生中等级至少上升一级的比例（不及格 &lt; 及格 &lt; 良好 &lt; 优秀），单位 %。</translation>
    </message>
</context>
<context>
    <name>DistrictFitnessTab</name>
    <message>
        <source>Levels by school</source>
        <translation>各校等级分布</translation>
    </message>
    <message>
        <source>Excellent or good by school</source>
        <translation>各校优良率</translation>
    </message>
    <message>
        <source>Pass rate by school</source>
        <translation>各校及格率</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>按年级</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>按性别</translation>
    </message>
    <message>
        <source>BMI categories</source>
        <translation>BMI 分类</translation>
    </message>
    <message>
        <source>No fitness results of {year} have reached the bureau for these schools yet. They arrive with the schools&apos; packets: merge them under Packet intake, or choose another school year.</source>
        <translation>教育局尚未收到这些学校 {year} 学年的体质健康成绩。成绩随学校的数据包报送：请先在“报送接收”中合并数据包，或选择其他学年。</translation>
    </message>
    <message>
        <source>{year}, district ({schools} schools): {tested} tested, {exempt} exempt, {incomplete} incomplete, {untested} not tested. Mean total {mean}; excellent or good {good}; pass rate {passed}.</source>
        <translation>{year} 学年，全区（{schools} 所学校）：测试 {tested} 人，免测 {exempt} 人，缺项 {incomplete} 人，未测 {untested} 人。平均总分 {mean}；优良率 {good}；及格率 {passed}。</translation>
    </message>
    <message>
        <source>{school}: mean total {mean}; excellent or good {good}; pass rate {passed}.</source>
        <translation>{school}：平均总分 {mean}；优良率 {good}；及格率 {passed}。</translation>
    </message>
</context>
<context>
    <name>DistrictLaborModel</name>
    <message>
        <source>{category} %</source>
        <translation>{category}占比</translation>
    </message>
    <message>
        <source>Share of all labor minutes of the term that were {category}, in %.</source>
        <translation>本学期全部劳动时长中{category}所占比例（%）。</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Students on roll now (在籍, 转入), by the grade of their class now.</source>
        <translation>当前在籍学生（在籍、转入），按班级当前年级统计。</translation>
    </message>
    <message>
        <source>Out of class min/week</source>
        <translation>课外劳动（分钟/周）</translation>
    </message>
    <message>
        <source>Out-of-class labor (the settings the labor settings count: at school, at home, in the community) per student per week over the term&apos;s period, in minutes.</source>
        <translation>课外及家庭劳动（劳动设置中计入的场所：校内、家庭、社区）在本学期期间的生均周时长，单位：分钟。</translation>
    </message>
    <message>
        <source>Threshold min/week</source>
        <translation>达标要求（分钟/周）</translation>
    </message>
    <message>
        <source>The weekly threshold of each student&apos;s 学段, averaged over the students (the thresholds differ by 学段).</source>
        <translation>每名学生所在学段的每周达标要求按学生平均（各学段要求不同）。</translation>
    </message>
    <message>
        <source>Meeting threshold %</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Share of the students whose out-of-class minutes reach the threshold of their 学段, in %.</source>
        <translation>课外劳动时长达到本学段要求的学生比例（%）。</translation>
    </message>
    <message>
        <source>All labor min/week</source>
        <translation>全部劳动（分钟/周）</translation>
    </message>
    <message>
        <source>Every labor minute of the term (lessons and labor week included) per student per week.</source>
        <translation>本学期全部劳动时长（含劳动课和劳动周）的生均周时长。</translation>
    </message>
    <message>
        <source>Out of class per week</source>
        <translation>每周课外劳动</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>达标要求</translation>
    </message>
    <message>
        <source>Out-of-class minutes per student per week by school, and the threshold</source>
        <translation>各校生均每周课外劳动时长（分钟）与达标要求</translation>
    </message>
    <message>
        <source>Out-of-class minutes per student per week by grade, and the threshold</source>
        <translation>各年级生均每周课外劳动时长（分钟）与达标要求</translation>
    </message>
    <message>
        <source>Students meeting the threshold, by school</source>
        <translation>各校劳动时长达标率</translation>
    </message>
    <message>
        <source>Meeting the threshold</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>The three categories of labor, by school (share of the minutes)</source>
        <translation>各校三类劳动构成（占时长）</translation>
    </message>
</context>
<context>
    <name>DistrictLaborTab</name>
    <message>
        <source>Minutes by school</source>
        <translation>各校时长</translation>
    </message>
    <message>
        <source>Meeting the threshold</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>劳动类别</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>按年级</translation>
    </message>
    <message>
        <source>No labor of {term} has reached the bureau for these schools yet. It arrives with the schools&apos; packets: merge them under Packet intake, or choose another term.</source>
        <translation>教育局尚未收到这些学校 {term} 的劳动记录。劳动记录随学校的数据包报送：请先在“报送接收”中合并数据包，或选择其他学期。</translation>
    </message>
    <message>
        <source>学段 {band}: {minutes}</source>
        <translation>第{band}学段 {minutes}</translation>
    </message>
    <message>
        <source>{term}, {start} – {end} ({weeks} weeks), district: {students} students, {minutes} out-of-class minutes per student per week, {meeting} meeting their threshold. Thresholds in minutes per week: {thresholds}.</source>
        <translation>{term}（{start} 至 {end}，{weeks} 周），全区：学生 {students} 人，生均每周课外劳动 {minutes} 分钟，达标率 {meeting}。每周达标要求（分钟）：{thresholds}。</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <source>Submissions</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation>体质健康</translation>
    </message>
    <message>
        <source>Value-added</source>
        <translation>增值评价</translation>
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
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>DistrictRows</name>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Grade and sex</source>
        <translation>年级和性别</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>The district (every school of the chosen type, each student counted once), then each school, grade or sex.</source>
        <translation>先是全区（所选学段的全部学校，每名学生只计一次），再是各学校、年级或性别。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The school, grade or sex of the row.</source>
        <translation>该行对应的学校、年级或性别。</translation>
    </message>
</context>
<context>
    <name>DistrictSubmissionModel</name>
    <message>
        <source>Missing</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>{state} (late)</source>
        <translation>{state}（逾期）</translation>
    </message>
    <message>
        <source>No. {sequence}, {date}, {status}</source>
        <translation>第 {sequence} 号，{date}，{status}</translation>
    </message>
    <message>
        <source>Deadline: {date}</source>
        <translation>截止日期：{date}</translation>
    </message>
    <message>
        <source>First packet received: {date}</source>
        <translation>首个数据包接收日期：{date}</translation>
    </message>
    <message>
        <source>Last packet received: {date}</source>
        <translation>最近数据包接收日期：{date}</translation>
    </message>
    <message>
        <source>Merged packets: {merged}; refused: {refused}</source>
        <translation>已合并数据包：{merged}；已拒收：{refused}</translation>
    </message>
    <message>
        <source>Latest packet: No. {sequence}</source>
        <translation>最新数据包：第 {sequence} 号</translation>
    </message>
    <message>
        <source>The whole packet was returned for correction.</source>
        <translation>整个数据包已退回修改。</translation>
    </message>
    <message>
        <source>{n} records were returned for correction.</source>
        <translation>已退回 {n} 条记录待修改。</translation>
    </message>
    <message>
        <source>The school&apos;s last packet: {packet}</source>
        <translation>该校最近的数据包：{packet}</translation>
    </message>
    <message>
        <source>Packets never received (sequence numbers): {gaps}</source>
        <translation>从未收到的数据包（序号）：{gaps}</translation>
    </message>
    <message>
        <source>{term}, deadline {date}. Missing: no merged packet; submitted: merged, receipt not yet written; acknowledged: the receipt was written; returned: sent back for correction. Late: the first packet came after the deadline, or nothing came and it has passed.</source>
        <translation>{term}，截止日期 {date}。未报送：没有已合并的数据包；已报送：已合并，尚未生成回执；已确认：回执已生成；已退回：已退回学校修改。逾期：首个数据包在截止日期后收到，或截止日期已过仍未收到。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>学校代码</translation>
    </message>
    <message>
        <source>学校标识码, 10 digits.</source>
        <translation>学校标识码，10 位数字。</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>The school&apos;s name as registered or as its last packet gives it.</source>
        <translation>学校名称，取自登记信息或其最近的数据包。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>The school&apos;s stage (学段) as its data say; empty until its first packet is merged.</source>
        <translation>学校数据中的学段；首个数据包合并前为空。</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Whether the school has an active key in the registry (it can send packets).</source>
        <translation>学校是否在登记册中有有效密钥（可以报送数据包）。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Last packet</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>The packet received last, whatever became of it: its sequence number, the day it arrived (China time) and its status.</source>
        <translation>最后收到的数据包（无论处理结果）：序号、接收日期（北京时间）和状态。</translation>
    </message>
    <message>
        <source>Sequence gaps</source>
        <translation>缺失序号</translation>
    </message>
    <message>
        <source>Sequence numbers below the school&apos;s highest merged packet that never arrived: a packet is missing.</source>
        <translation>低于该校已合并的最大序号、却从未收到的序号：有数据包缺失。</translation>
    </message>
    <message>
        <source>{term} (deadline {date}): {states}; late {late}.</source>
        <translation>{term}（截止 {date}）：{states}；逾期 {late}。</translation>
    </message>
</context>
<context>
    <name>DistrictSubmissionsTab</name>
    <message>
        <source>Deadlines…</source>
        <translation>报送期限…</translation>
    </message>
    <message>
        <source>Set each term&apos;s submission deadline.</source>
        <translation>设置各学期的报送截止日期。</translation>
    </message>
    <message>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <source>The matrix and each term&apos;s deadline and counts as an Excel workbook.</source>
        <translation>将报送情况表及各学期的截止日期和统计导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{missing}, deadline passed</source>
        <translation>{missing}，已过截止日期</translation>
    </message>
    <message>
        <source>{missing}, before the deadline</source>
        <translation>{missing}，未到截止日期</translation>
    </message>
    <message>
        <source>No school of this type is enrolled or has sent data. Choose another school type, or enrol the schools under School registry first.</source>
        <translation>没有该学段的学校登记或报送过数据。请选择其他学段，或先在“学校登记”中登记学校。</translation>
    </message>
    <message>
        <source>Submissions {date}.xlsx</source>
        <translation>报送情况 {date}.xlsx</translation>
    </message>
    <message>
        <source>Writing the submission overview…</source>
        <translation>正在导出报送情况…</translation>
    </message>
    <message>
        <source>Export the submission overview</source>
        <translation>导出报送情况</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The submission overview was written to {path}.</source>
        <translation>报送情况已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>DistrictTab</name>
    <message>
        <source>Go to packet intake</source>
        <translation>前往报送接收</translation>
    </message>
    <message>
        <source>Bringing the district&apos;s figures up to date…</source>
        <translation>正在更新全区数据…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>No school has sent its data yet. Enrol the schools under School registry and merge their packets under Packet intake first: this overview fills in as packets arrive.</source>
        <translation>还没有学校报送数据。请先在“学校登记”中登记学校，并在“报送接收”中合并其数据包：收到数据包后，本概览会随之填充。</translation>
    </message>
</context>
<context>
    <name>DistrictTrendCharts</name>
    <message>
        <source>District excellent or good</source>
        <translation>全区优良率</translation>
    </message>
    <message>
        <source>District pass rate</source>
        <translation>全区及格率</translation>
    </message>
    <message>
        <source>{school} excellent or good</source>
        <translation>{school}优良率</translation>
    </message>
    <message>
        <source>{school} pass rate</source>
        <translation>{school}及格率</translation>
    </message>
    <message>
        <source>Fitness: excellent or good, and pass rate</source>
        <translation>体质健康：优良率与及格率</translation>
    </message>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Fitness: mean total</source>
        <translation>体质健康：平均总分</translation>
    </message>
    <message>
        <source>Labor: out-of-class minutes per student per week</source>
        <translation>劳动教育：生均每周课外劳动时长（分钟）</translation>
    </message>
    <message>
        <source>Arts: assessment bands ({scope})</source>
        <translation>美育：测评等级分布（{scope}）</translation>
    </message>
</context>
<context>
    <name>DistrictTrendsTab</name>
    <message>
        <source>No fitness, labor or arts records have reached the bureau for these schools yet. The trends fill in as the schools&apos; packets are merged, year after year.</source>
        <translation>教育局尚未收到这些学校的体质健康、劳动或美育记录。随着各校数据包逐年合并，趋势图会逐步形成。</translation>
    </message>
    <message>
        <source>No records of this kind yet.</source>
        <translation>尚无此类记录。</translation>
    </message>
    <message>
        <source>School years: {years}. Terms with labor records: {terms}.</source>
        <translation>学年：{years}。有劳动记录的学期：{terms}。</translation>
    </message>
</context>
<context>
    <name>DistrictValueAddedTab</name>
    <message>
        <source>Mean change by school</source>
        <translation>各校平均变化</translation>
    </message>
    <message>
        <source>Improved by school</source>
        <translation>各校提高比例</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>按年级</translation>
    </message>
    <message>
        <source>No student of these schools has complete fitness results both in {previous} and in {year} at the bureau yet: the value-added compares each student with the year before. Merge both years&apos; packets, or choose another school year.</source>
        <translation>教育局尚无这些学校在 {previous} 和 {year} 两个学年均有完整体质健康成绩的学生：增值评价将每名学生与上一学年比较。请合并两个学年的数据包，或选择其他学年。</translation>
    </message>
    <message>
        <source>{previous} → {year}, district: {n} students compared, mean change {change}, {improved} improved, {up} moved up a level.</source>
        <translation>{previous} → {year}，全区：比较 {n} 人，总分平均变化 {change}，提高比例 {improved}，等级上升比例 {up}。</translation>
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
    <name>EnrolSchoolDialog</name>
    <message>
        <source>Enrol a school</source>
        <translation>登记学校</translation>
    </message>
    <message>
        <source>School code</source>
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
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Phone the school and ask them to read out the fingerprint their Baosong shows for its key. Enrol only if it is the same as above: a different fingerprint means the file is not the school&apos;s.</source>
        <translation>请给学校打电话，请对方念出其报送软件中显示的密钥指纹。只有与上面完全一致时才登记：指纹不同说明该文件不是这所学校的。</translation>
    </message>
    <message>
        <source>Optional: the first groups as the school reads them</source>
        <translation>可选：学校念出的前几组指纹</translation>
    </message>
    <message>
        <source>I compared the fingerprint with the school by phone</source>
        <translation>我已通过电话与学校核对指纹</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
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
    <name>FingerprintView</name>
    <message>
        <source>The full fingerprint (SHA-256 of the public key).</source>
        <translation>完整指纹（公钥的 SHA-256）。</translation>
    </message>
    <message>
        <source>Read these six groups aloud to compare them by phone.</source>
        <translation>电话核对时朗读这六组字符。</translation>
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
    <name>FitnessColumns</name>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>千克</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>毫升</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>count</source>
        <translation>次</translation>
    </message>
    <message>
        <source>m&apos;ss</source>
        <translation>分&apos;秒</translation>
    </message>
    <message>
        <source>Minutes&apos;seconds, e.g. {example}; {primes}, {colon} or plain seconds ({seconds}) work too.</source>
        <translation>分&apos;秒，如 {example}；也可写 {primes}、{colon} 或直接写秒数（{seconds}）。</translation>
    </message>
    <message>
        <source>Centimetres, one decimal place, e.g. 152.5.</source>
        <translation>厘米，保留一位小数，如 152.5。</translation>
    </message>
    <message>
        <source>Kilograms, one decimal place, e.g. 45.3.</source>
        <translation>千克，保留一位小数，如 45.3。</translation>
    </message>
    <message>
        <source>Millilitres, a whole number, e.g. 2500.</source>
        <translation>毫升，整数，如 2500。</translation>
    </message>
    <message>
        <source>Seconds, one decimal place, e.g. 8.5.</source>
        <translation>秒，保留一位小数，如 8.5。</translation>
    </message>
    <message>
        <source>Centimetres, one decimal place, negative below the feet, e.g. 12.4.</source>
        <translation>厘米，保留一位小数，未过脚尖为负数，如 12.4。</translation>
    </message>
    <message>
        <source>Skips in one minute, a whole number, e.g. 120.</source>
        <translation>一分钟跳绳次数，整数，如 120。</translation>
    </message>
    <message>
        <source>Sit-ups in one minute, a whole number, e.g. 35.</source>
        <translation>一分钟仰卧起坐次数，整数，如 35。</translation>
    </message>
    <message>
        <source>Centimetres, a whole number, e.g. 185.</source>
        <translation>厘米，整数，如 185。</translation>
    </message>
    <message>
        <source>Pull-ups, a whole number, e.g. 6.</source>
        <translation>引体向上次数，整数，如 6。</translation>
    </message>
    <message>
        <source>Accepted: {low} to {high} (national upload range).</source>
        <translation>有效范围：{low} 至 {high}（国家数据上报范围）。</translation>
    </message>
    <message>
        <source>Boys only: the cell is greyed for girls.</source>
        <translation>仅男生测试：女生的此格为灰色。</translation>
    </message>
    <message>
        <source>Girls only: the cell is greyed for boys.</source>
        <translation>仅女生测试：男生的此格为灰色。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, from the roster (read-only here).</source>
        <translation>全国学籍号，取自学生名册（此处不可修改）。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From the roster (read-only here).</source>
        <translation>取自学生名册（此处不可修改）。</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>From the roster; decides which items apply.</source>
        <translation>取自学生名册；决定需要测试哪些项目。</translation>
    </message>
    <message>
        <source>Computed as you type; not entered.</source>
        <translation>录入时自动计算，无需填写。</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Weight (kg) ÷ height (m)², one decimal place, with its score.</source>
        <translation>体重（千克）÷ 身高（米）²，保留一位小数，附得分。</translation>
    </message>
    <message>
        <source>Standard
score</source>
        <translation>标准分</translation>
    </message>
    <message>
        <source>The item scores weighted by the national standard, 0 to 100, one decimal place.</source>
        <translation>各单项得分按国家标准权重加权之和，0—100 分，保留一位小数。</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>附加分</translation>
    </message>
    <message>
        <source>Bonus points for results beyond the 100-point mark, at most 20.</source>
        <translation>超过 100 分标准的加分，最多 20 分。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Standard score + bonus points: the year&apos;s total.</source>
        <translation>标准分 + 附加分：学年总分。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Excellent from 90.0, good from 80.0, pass from 60.0, else fail; exempt (免测) students have no level.</source>
        <translation>90.0 分及以上优秀，80.0 分及以上良好，60.0 分及以上及格，其余不及格；免测学生不评等级。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exempt (免测) with its reason, or the items marked absent (缺测). Right-click a row to mark it.</source>
        <translation>免测及其原因，或标为缺测的项目。在行上点右键进行标记。</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不及格</translation>
    </message>
</context>
<context>
    <name>FitnessGridModel</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Edit {item}</source>
        <translation>修改{item}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
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
        <source>Absent</source>
        <translation>缺测</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免测</translation>
    </message>
    <message>
        <source>Exempt: {reason}</source>
        <translation>免测：{reason}</translation>
    </message>
    <message>
        <source>Absent: {items}</source>
        <translation>缺测：{items}</translation>
    </message>
    <message>
        <source>Retest recorded</source>
        <translation>已有补测</translation>
    </message>
    <message>
        <source>No first test yet</source>
        <translation>尚无初测成绩</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Score {score}</source>
        <translation>得分 {score}</translation>
    </message>
    <message>
        <source>Saved: {value}</source>
        <translation>已保存的值：{value}</translation>
    </message>
    <message>
        <source>bonus {bonus}</source>
        <translation>附加分 {bonus}</translation>
    </message>
</context>
<context>
    <name>FitnessGridView</name>
    <message>
        <source>Mark absent (缺考)</source>
        <translation>标记缺考</translation>
    </message>
    <message>
        <source>Mark exempt (免测)…</source>
        <translation>标记免测…</translation>
    </message>
    <message>
        <source>Clear the marks</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>Enter the retest (补测)</source>
        <translation>录入补测</translation>
    </message>
</context>
<context>
    <name>FitnessOperations</name>
    <message>
        <source>Export national upload file</source>
        <translation>导出国家上报文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Mark exempt (免测)</source>
        <translation>标记免测</translation>
    </message>
    <message>
        <source>Why is {name} exempt from the test (e.g. a doctor&apos;s certificate)?</source>
        <translation>{name}免测的原因（如医院证明）：</translation>
    </message>
    <message>
        <source>Every item of this student has a value.</source>
        <translation>该学生的各项都已有成绩。</translation>
    </message>
    <message>
        <source>The test date {date} was recorded for {count} students.</source>
        <translation>已为 {count} 名学生记录测试日期 {date}。</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>导入成绩</translation>
    </message>
    <message>
        <source>This is not available yet in this version.</source>
        <translation>当前版本尚未提供此功能。</translation>
    </message>
    <message>
        <source>Choose a class (or a grade) in the tree first.</source>
        <translation>请先在左侧选择班级（或年级）。</translation>
    </message>
    <message>
        <source>Writing the national upload file…</source>
        <translation>正在生成国家上报文件…</translation>
    </message>
    <message>
        <source>whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>{school} {year} fitness upload, {what}.xlsx</source>
        <translation>{school}{year}学年体质健康上报（{what}）.xlsx</translation>
    </message>
    <message>
        <source>{count} students were written to {path}.</source>
        <translation>已将 {count} 名学生写入 {path}。</translation>
    </message>
</context>
<context>
    <name>FitnessPage</name>
    <message>
        <source>Enter results</source>
        <translation>成绩录入</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>导入成绩</translation>
    </message>
    <message>
        <source>This class</source>
        <translation>本班</translation>
    </message>
    <message>
        <source>This grade</source>
        <translation>本年级</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>Export national upload file</source>
        <translation>导出国家上报文件</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z in the grid)</source>
        <translation>撤销上一次修改（表格中按 Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y in the grid)</source>
        <translation>重做（表格中按 Ctrl+Y）</translation>
    </message>
    <message>
        <source>First test</source>
        <translation>初测</translation>
    </message>
    <message>
        <source>Retest (补测)</source>
        <translation>补测</translation>
    </message>
    <message>
        <source>The day of the test; recorded with every value of this sheet.</source>
        <translation>测试日期；本表录入的每项成绩都记录此日期。</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>学年：</translation>
    </message>
    <message>
        <source>Attempt:</source>
        <translation>测试：</translation>
    </message>
    <message>
        <source>Test date:</source>
        <translation>测试日期：</translation>
    </message>
    <message>
        <source>This workspace has no school yet. Set it up in Settings.</source>
        <translation>这个工作区还没有学校。请先在“设置”中建立学校。</translation>
    </message>
    <message>
        <source>Choose a class on the left to enter its results.</source>
        <translation>请在左侧选择一个班级，录入其成绩。</translation>
    </message>
    <message>
        <source>Tested {tested} of {total}   {counts}   Exempt {exempt}   Incomplete {incomplete}</source>
        <translation>已测 {tested} / {total} 人   {counts}   免测 {exempt}   未测完 {incomplete}</translation>
    </message>
    <message>
        <source>{name} has no first test to retest, or is exempt.</source>
        <translation>{name}没有初测成绩可补测，或已免测。</translation>
    </message>
</context>
<context>
    <name>FitnessPaste</name>
    <message>
        <source>{count} values pasted.</source>
        <translation>已粘贴 {count} 项成绩。</translation>
    </message>
    <message>
        <source>{count} refused (red): {reason}</source>
        <translation>{count} 项未保存（红色）：{reason}</translation>
    </message>
    <message>
        <source>{count} rows skipped: their student number or name is not the row&apos;s.</source>
        <translation>跳过 {count} 行：其学籍号或姓名与表中该行的学生不符。</translation>
    </message>
    <message>
        <source>{count} values skipped (greyed or read-only cells).</source>
        <translation>跳过 {count} 项（灰色或不可修改的格）。</translation>
    </message>
</context>
<context>
    <name>FitnessStatsCharts</name>
    <message>
        <source>Levels (share of the complete students)</source>
        <translation>等级分布（占完整测试学生的比例）</translation>
    </message>
    <message>
        <source>Underweight</source>
        <translation>低体重</translation>
    </message>
    <message>
        <source>Overweight</source>
        <translation>超重</translation>
    </message>
    <message>
        <source>Obese</source>
        <translation>肥胖</translation>
    </message>
    <message>
        <source>BMI categories (share of the students measured)</source>
        <translation>BMI 分类（占已测身高体重学生的比例）</translation>
    </message>
    <message>
        <source>Mean change of the total by class ({previous} → {year})</source>
        <translation>各班总分平均变化（{previous} → {year}）</translation>
    </message>
    <message>
        <source>Mean change</source>
        <translation>平均变化</translation>
    </message>
    <message>
        <source>School</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>Improved and moved up a level, by class</source>
        <translation>各班总分提高与等级上升比例</translation>
    </message>
    <message>
        <source>Total improved</source>
        <translation>总分提高</translation>
    </message>
    <message>
        <source>Moved up a level</source>
        <translation>等级上升</translation>
    </message>
    <message>
        <source>School improved</source>
        <translation>全校提高比例</translation>
    </message>
</context>
<context>
    <name>FitnessStatsModel</name>
    <message>
        <source>By grade</source>
        <translation>按年级</translation>
    </message>
    <message>
        <source>By class</source>
        <translation>按班级</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>按性别</translation>
    </message>
    <message>
        <source>By grade and sex</source>
        <translation>按年级和性别</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Grade and sex</source>
        <translation>年级和性别</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>测试人数</translation>
    </message>
    <message>
        <source>Students with a recorded result of the school year that is not exempt (complete or not).</source>
        <translation>本学年有成绩记录且未免测的学生（无论项目是否齐全）。</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免测人数</translation>
    </message>
    <message>
        <source>免测 students: counted here and in no rate (never as 0 points).</source>
        <translation>免测学生：只在此处计数，不计入任何比例（绝不按 0 分计）。</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>缺项人数</translation>
    </message>
    <message>
        <source>Tested, but an item is missing: left out of the level rates and the mean total; their measured items still count for those items.</source>
        <translation>已测试但缺少项目：不计入等级比例和平均总分；已测项目仍计入相应项目的统计。</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>未测人数</translation>
    </message>
    <message>
        <source>On roll, with nothing recorded for the school year.</source>
        <translation>在籍但本学年没有任何记录。</translation>
    </message>
    <message>
        <source>Mean total</source>
        <translation>平均总分</translation>
    </message>
    <message>
        <source>Mean school-year total (学年总分, bonus included) of the complete students; points, one decimal place.</source>
        <translation>完整测试学生的学年总分（含附加分）平均值；单位：分，保留一位小数。</translation>
    </message>
    <message>
        <source>{level} %</source>
        <translation>{level}率</translation>
    </message>
    <message>
        <source>Share of the complete students at the level {level}, in %.</source>
        <translation>完整测试学生中{level}的比例（%）。</translation>
    </message>
    <message>
        <source>Share of the tested students with height and weight measured whose BMI is {category} (national bands by grade and sex), in %.</source>
        <translation>已测身高体重的学生中 BMI 为{category}的比例（按国家标准分年级、性别的界值），单位 %。</translation>
    </message>
    <message>
        <source>Excellent or good %</source>
        <translation>优良率</translation>
    </message>
    <message>
        <source>优良率: excellent + good, of the complete students, in %.</source>
        <translation>优良率：完整测试学生中优秀与良好之和的比例（%）。</translation>
    </message>
    <message>
        <source>Pass rate %</source>
        <translation>及格率</translation>
    </message>
    <message>
        <source>及格率: pass or better (60 points and more), of the complete students, in %.</source>
        <translation>及格率：完整测试学生中及格及以上（60 分及以上）的比例（%）。</translation>
    </message>
    <message>
        <source>Obese %</source>
        <translation>肥胖率</translation>
    </message>
    <message>
        <source>obese (肥胖)</source>
        <translation>肥胖</translation>
    </message>
    <message>
        <source>Overweight %</source>
        <translation>超重率</translation>
    </message>
    <message>
        <source>overweight (超重)</source>
        <translation>超重</translation>
    </message>
    <message>
        <source>Underweight %</source>
        <translation>低体重率</translation>
    </message>
    <message>
        <source>underweight (低体重)</source>
        <translation>低体重</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>比较人数</translation>
    </message>
    <message>
        <source>增值评价: students on roll with a complete result both in {previous} and in this school year.</source>
        <translation>增值评价：在 {previous} 和本学年都有完整成绩的在籍学生。</translation>
    </message>
    <message>
        <source>Mean change</source>
        <translation>总分平均变化</translation>
    </message>
    <message>
        <source>Mean change of the total against {previous}, in points (+ is better).</source>
        <translation>与 {previous} 相比总分的平均变化，单位：分（+ 表示提高）。</translation>
    </message>
    <message>
        <source>Improved %</source>
        <translation>提高比例</translation>
    </message>
    <message>
        <source>Share of the compared students whose total went up, in %.</source>
        <translation>比较学生中总分提高的比例（%）。</translation>
    </message>
    <message>
        <source>Up a level %</source>
        <translation>等级上升比例</translation>
    </message>
    <message>
        <source>Share of the compared students who moved up at least one level (不及格 &lt; 及格 &lt; 良好 &lt; 优秀), in %.</source>
        <translation>比较学生中等级至少上升一级的比例（不及格 &lt; 及格 &lt; 良好 &lt; 优秀），单位 %。</translation>
    </message>
    <message>
        <source>{item} mean</source>
        <translation>{item}均分</translation>
    </message>
    <message>
        <source>Mean score (0–100) of {item}, over the tested students with a score for it.</source>
        <translation>{item}的平均得分（0–100），按有该项得分的测试学生计算。</translation>
    </message>
    <message>
        <source>{item} pass %</source>
        <translation>{item}及格率</translation>
    </message>
    <message>
        <source>Share of those students scoring 60 or more in {item}, in %.</source>
        <translation>这些学生中{item}得分达到 60 分及以上的比例（%）。</translation>
    </message>
    <message>
        <source>The whole school first, then each group.</source>
        <translation>先列全校，再列各组。</translation>
    </message>
</context>
<context>
    <name>FitnessStatsView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>导出统计工作簿…</translation>
    </message>
    <message>
        <source>The statistics and the value-added of the school year as an Excel workbook (.xlsx), with charts, by grade, class and sex.</source>
        <translation>将本学年的统计与增值评价导出为 Excel 工作簿（.xlsx），按年级、班级、性别分表，并附图表。</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>学年：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Enter results</source>
        <translation>录入成绩</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级分布</translation>
    </message>
    <message>
        <source>BMI categories</source>
        <translation>BMI 分类</translation>
    </message>
    <message>
        <source>Value-added</source>
        <translation>增值评价</translation>
    </message>
    <message>
        <source>This workspace has no school yet. Set the school up in Settings first.</source>
        <translation>此工作区还没有学校。请先在“设置”中设置学校。</translation>
    </message>
    <message>
        <source>Computing the figures of {year}…</source>
        <translation>正在计算 {year} 的统计数据…</translation>
    </message>
    <message>
        <source>No fitness results for {year} yet. Enter them class by class or import them on the entry tab first: the figures, charts and value-added appear here.</source>
        <translation>{year} 还没有体质健康成绩。请先在“成绩录入”中逐班录入或导入成绩：统计数据、图表和增值评价会显示在这里。</translation>
    </message>
    <message>
        <source>No student has complete results in both {previous} and {year} yet: the value-added compares each student with the year before.</source>
        <translation>还没有学生在 {previous} 和 {year} 都有完整成绩：增值评价是将每名学生与上一学年比较。</translation>
    </message>
    <message>
        <source>{year}: {tested} tested, {exempt} exempt, {incomplete} incomplete, {untested} not tested. Mean total {mean}; excellent or good {good}; pass rate {passed}.</source>
        <translation>{year}：测试 {tested} 人，免测 {exempt} 人，缺项 {incomplete} 人，未测 {untested} 人。平均总分 {mean}；优良率 {good}；及格率 {passed}。</translation>
    </message>
    <message>
        <source>Value-added against {previous}: {n} students compared, mean change {change}, {improved} improved, {up} moved up a level; {missing} without a complete result the year before.</source>
        <translation>与 {previous} 相比的增值评价：比较 {n} 人，总分平均变化 {change}，提高比例 {improved}，等级上升比例 {up}；另有 {missing} 人上一学年没有完整成绩。</translation>
    </message>
    <message>
        <source>Writing the statistics workbook…</source>
        <translation>正在写入统计工作簿…</translation>
    </message>
    <message>
        <source>{school} {year} fitness statistics.xlsx</source>
        <translation>{school} {year} 体质健康统计.xlsx</translation>
    </message>
    <message>
        <source>Export statistics workbook</source>
        <translation>导出统计工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The statistics workbook was written to {path}.</source>
        <translation>统计工作簿已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
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
    <name>IntakeDetail</name>
    <message>
        <source>Copied to quarantine: {path}</source>
        <translation>已复制到隔离文件夹：{path}</translation>
    </message>
</context>
<context>
    <name>IntakeModel</name>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Verified — earlier packets missing</source>
        <translation>已验证——缺少此前的数据包</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Merged — earlier packets missing</source>
        <translation>已合并——缺少此前的数据包</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Duplicate (merged before)</source>
        <translation>重复（此前已合并）</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>{reason} Copied to quarantine: {path}</source>
        <translation>{reason} 已复制到隔离文件夹：{path}</translation>
    </message>
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
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Records rejected</source>
        <translation>拒收记录</translation>
    </message>
    <message>
        <source>Records of every table, added up</source>
        <translation>各数据表记录数合计</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Code and name of the sending school</source>
        <translation>报送学校的标识码和名称</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>The school&apos;s packet sequence number</source>
        <translation>该校数据包的序号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
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
    <name>LaborActivitiesTab</name>
    <message>
        <source>New activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Search in project and description</source>
        <translation>在项目和说明中搜索</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>No labor activities recorded for this term here yet. Record the first one: a class&apos;s afternoon at the labor base is one entry for the whole class. Or import a spreadsheet of labor records.</source>
        <translation>本学期这里还没有劳动记录。请新增第一条：一个班级在劳动基地的一个下午，整个班级只需录入一条。也可以导入劳动记录表格。</translation>
    </message>
    <message>
        <source>{shown} of {all} activities shown</source>
        <translation>共 {all} 项活动，显示 {shown} 项</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “{project}” of {date} with its {count} participants? Their minutes no longer count. The deletion is recorded and reaches the bureau with the next packet.</source>
        <translation>删除 {date} 的“{project}”及其 {count} 名参与学生吗？他们的劳动时长将不再计入。删除操作会被记录，并随下一个报送包送达教育局。</translation>
    </message>
</context>
<context>
    <name>LaborActivityDialog</name>
    <message>
        <source>Edit labor activity</source>
        <translation>编辑劳动活动</translation>
    </message>
    <message>
        <source>New labor activity</source>
        <translation>新增劳动活动</translation>
    </message>
    <message>
        <source>Individual students (no class)</source>
        <translation>个别学生（不按班级）</translation>
    </message>
    <message>
        <source>Add students…</source>
        <translation>添加学生…</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>从名单中移除</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>班级：</translation>
    </message>
    <message>
        <source>Participants — untick Present for an absent student; type other minutes for a student who did more or less; ratings are optional.</source>
        <translation>参与学生 —— 缺席的学生取消勾选“出勤”；时长不同的学生直接填写其分钟数；评价可不填。</translation>
    </message>
    <message>
        <source>Add students</source>
        <translation>添加学生</translation>
    </message>
    <message>
        <source>{listed} students listed, {present} present, {minutes} minutes in all.</source>
        <translation>名单 {listed} 人，出勤 {present} 人，共 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>{count} students&apos; rows are marked red; rest the mouse on one for the reason.</source>
        <translation>有 {count} 名学生的行标为红色；将鼠标停在该行上可查看原因。</translation>
    </message>
</context>
<context>
    <name>LaborActivityForm</name>
    <message>
        <source>e.g. 整理书包, 校园种植, 社区清扫</source>
        <translation>例如 整理书包、校园种植、社区清扫</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Teacher in charge (optional)</source>
        <translation>负责教师（可不填）</translation>
    </message>
    <message>
        <source>What the students did (optional)</source>
        <translation>学生做了什么（可不填）</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Task group:</source>
        <translation>任务群：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Setting:</source>
        <translation>场所：</translation>
    </message>
    <message>
        <source>Minutes per student:</source>
        <translation>每人时长：</translation>
    </message>
    <message>
        <source>Organiser:</source>
        <translation>组织教师：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>LaborActivityModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The day of the activity, year-month-day.</source>
        <translation>活动日期，年-月-日。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Daily-life, productive or service labor (三类劳动).</source>
        <translation>日常生活劳动、生产劳动或服务性劳动（三类劳动）。</translation>
    </message>
    <message>
        <source>Task group</source>
        <translation>任务群</translation>
    </message>
    <message>
        <source>One of the ten task groups (任务群) of the 2022 curriculum, by number.</source>
        <translation>2022 年版课标的十个任务群之一，按编号排列。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>What was done, e.g. 整理书包.</source>
        <translation>劳动内容，例如 整理书包。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Where: labor lesson, on campus, at home, in the community, labor base or labor week.</source>
        <translation>地点：劳动课、校内、家庭、社区、劳动基地或劳动周。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>The class, for a class activity; empty for individual students.</source>
        <translation>班级活动填写班级；个别学生的活动留空。</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与学生</translation>
    </message>
    <message>
        <source>Students present / students listed (absent students count no minutes).</source>
        <translation>出勤人数 / 名单人数（缺席学生不计时长）。</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Minutes per student (the default; a student may have other minutes).</source>
        <translation>每名学生的时长（默认值；个别学生可以不同）。</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Number of attached photos or documents (evidence).</source>
        <translation>附加的照片或文档数量（佐证材料）。</translation>
    </message>
</context>
<context>
    <name>LaborEvaluationModel</name>
    <message>
        <source>A level of the school&apos;s evaluation scale (default 优秀/良好/合格/待改进); double-click a draft&apos;s cell to choose.</source>
        <translation>学校评价等级之一（默认 优秀/良好/合格/待改进）；双击草稿的单元格进行选择。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Grade and class.</source>
        <translation>年级和班级。</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>The teacher&apos;s comment, at most 1,000 characters.</source>
        <translation>教师评语，最多 1000 字。</translation>
    </message>
    <message>
        <source>Life skills</source>
        <translation>生活技能</translation>
    </message>
    <message>
        <source>Life skills learned this term, separated by 、 or commas (grades 3–6: at least one a year).</source>
        <translation>本学期学会的生活技能，用顿号或逗号分隔（3–6 年级每年至少一项）。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Draft → under public notice (公示) → confirmed by the reviewer after the notice has ended.</source>
        <translation>草稿 → 公示中 → 公示结束后由审核人确认。</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>First and last day of the public notice, year-month-day.</source>
        <translation>公示的起止日期，年-月-日。</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Who confirmed the evaluation (审核).</source>
        <translation>确认该评价的审核人。</translation>
    </message>
</context>
<context>
    <name>LaborEvaluationTab</name>
    <message>
        <source>Create drafts</source>
        <translation>生成草稿</translation>
    </message>
    <message>
        <source>Public notice…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Withdraw notice</source>
        <translation>撤回公示</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>No labor literacy evaluations for this term here yet. Choose a class in the tree and create empty drafts for its students; then rate each student in the list.</source>
        <translation>本学期这里还没有劳动素养评价。请在左侧选择一个班级，为该班学生生成空白草稿，然后在列表中逐个评价。</translation>
    </message>
    <message>
        <source>{drafts} drafts, {notice} under public notice, {confirmed} confirmed. {gaps} students of grades 3–6 have too few life skills recorded this school year.</source>
        <translation>草稿 {drafts} 份，公示中 {notice} 份，已确认 {confirmed} 份。3–6 年级有 {gaps} 名学生本学年记录的生活技能不足。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Reviewer&apos;s name:</source>
        <translation>审核人姓名：</translation>
    </message>
    <message>
        <source>Create empty drafts for the students of {count} classes?</source>
        <translation>为 {count} 个班级的学生生成空白草稿吗？</translation>
    </message>
    <message>
        <source>Every student already has an evaluation.</source>
        <translation>每名学生都已有评价。</translation>
    </message>
    <message>
        <source>Choose drafts to put under public notice.</source>
        <translation>请选择要公示的草稿。</translation>
    </message>
    <message>
        <source>Choose evaluations under public notice to confirm.</source>
        <translation>请选择要确认的公示中的评价。</translation>
    </message>
    <message>
        <source>Choose evaluations under public notice to withdraw.</source>
        <translation>请选择要撤回的公示中的评价。</translation>
    </message>
    <message>
        <source>Take {count} evaluations back from public notice to draft, to correct them?</source>
        <translation>将 {count} 份评价从公示撤回为草稿以便修改吗？</translation>
    </message>
    <message>
        <source>Choose one confirmed evaluation to correct.</source>
        <translation>请选择一份已确认的评价进行更正。</translation>
    </message>
</context>
<context>
    <name>LaborEvidenceDialog</name>
    <message>
        <source>Files of “{project}”, {date}</source>
        <translation>“{project}”（{date}）的附件</translation>
    </message>
    <message>
        <source>Photos and documents up to {mb} MB: {types}.</source>
        <translation>不超过 {mb} MB 的照片和文档：{types}。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos and documents (*.*)</source>
        <translation>照片和文档 (*.*)</translation>
    </message>
    <message>
        <source>Remove files</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Attaching the files…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <source>Remove {count} files from this activity?</source>
        <translation>从这项活动中移除 {count} 个附件吗？</translation>
    </message>
</context>
<context>
    <name>LaborEvidenceModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The file&apos;s name when it was attached.</source>
        <translation>添加附件时的文件名。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kilobytes (KB).</source>
        <translation>千字节（KB）。</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>When and by whom (UTC date and time, user).</source>
        <translation>何时由谁添加（UTC 日期时间、用户）。</translation>
    </message>
</context>
<context>
    <name>LaborImportSpec</name>
    <message>
        <source>Import labor records</source>
        <translation>导入劳动记录</translation>
    </message>
</context>
<context>
    <name>LaborLabels</name>
    <message>
        <source>Daily-life labor</source>
        <translation>日常生活劳动</translation>
    </message>
    <message>
        <source>Productive labor</source>
        <translation>生产劳动</translation>
    </message>
    <message>
        <source>Service labor</source>
        <translation>服务性劳动</translation>
    </message>
    <message>
        <source>Cleaning and hygiene</source>
        <translation>清洁与卫生</translation>
    </message>
    <message>
        <source>Tidying and storage</source>
        <translation>整理与收纳</translation>
    </message>
    <message>
        <source>Cooking and nutrition</source>
        <translation>烹饪与营养</translation>
    </message>
    <message>
        <source>Using and maintaining household appliances</source>
        <translation>家用器具使用与维护</translation>
    </message>
    <message>
        <source>Agricultural production</source>
        <translation>农业生产劳动</translation>
    </message>
    <message>
        <source>Traditional crafts</source>
        <translation>传统工艺制作</translation>
    </message>
    <message>
        <source>Industrial production</source>
        <translation>工业生产劳动</translation>
    </message>
    <message>
        <source>New technology</source>
        <translation>新技术体验与应用</translation>
    </message>
    <message>
        <source>Modern service work</source>
        <translation>现代服务业劳动</translation>
    </message>
    <message>
        <source>Public welfare and volunteering</source>
        <translation>公益劳动与志愿服务</translation>
    </message>
    <message>
        <source>Labor lesson</source>
        <translation>课堂</translation>
    </message>
    <message>
        <source>On campus</source>
        <translation>校内</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>In the community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Labor base</source>
        <translation>劳动基地</translation>
    </message>
    <message>
        <source>Labor week</source>
        <translation>劳动周</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>互评</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>师评</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>家长评</translation>
    </message>
    <message>
        <source>Labor concepts</source>
        <translation>劳动观念</translation>
    </message>
    <message>
        <source>Labor ability</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <source>Habits and character</source>
        <translation>劳动习惯和品质</translation>
    </message>
    <message>
        <source>Labor spirit</source>
        <translation>劳动精神</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Under public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>LaborPage</name>
    <message>
        <source>Activities</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Hours per student</source>
        <translation>学生时长</translation>
    </message>
    <message>
        <source>Literacy evaluation</source>
        <translation>素养评价</translation>
    </message>
    <message>
        <source>No students yet. Labor is recorded for the students of the roster: import the roster first, then record what the classes did.</source>
        <translation>还没有学生。劳动记录属于名册中的学生：请先导入学生名册，再记录各班的劳动。</translation>
    </message>
</context>
<context>
    <name>LaborParticipantModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>互评</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>师评</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>家长评</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A level of the school&apos;s rating scale, or empty (not rated).</source>
        <translation>学校评价等级之一，或留空（未评价）。</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>Grade and class.</source>
        <translation>年级和班级。</translation>
    </message>
    <message>
        <source>Untick for a student who was absent: no minutes are counted.</source>
        <translation>缺席的学生取消勾选：不计时长。</translation>
    </message>
    <message>
        <source>Whole minutes this student did; empty means the activity&apos;s default minutes.</source>
        <translation>该学生实际劳动的整数分钟；留空表示采用活动的默认时长。</translation>
    </message>
    <message>
        <source>A short note, at most 200 characters.</source>
        <translation>简短备注，最多 200 字。</translation>
    </message>
</context>
<context>
    <name>LaborSettingsDialog</name>
    <message>
        <source>Labor education rules</source>
        <translation>劳动教育规则</translation>
    </message>
    <message>
        <source>These defaults follow the national documents (劳动教育指导纲要, 劳动课程标准 2022); the district may adjust them. Reports use the saved rules at once.</source>
        <translation>这些默认值依据国家文件（《大中小学劳动教育指导纲要》、《义务教育劳动课程标准（2022年版）》）；区里可以调整。保存后统计报表立即按新规则计算。</translation>
    </message>
    <message>
        <source> min/week</source>
        <translation> 分钟/周</translation>
    </message>
    <message>
        <source> 课时/week</source>
        <translation> 课时/周</translation>
    </message>
    <message>
        <source>Levels best first, separated by 、 or commas.</source>
        <translation>从高到低填写各等级，用顿号或逗号分隔。</translation>
    </message>
    <message>
        <source>Weekly labor time</source>
        <translation>每周劳动时间</translation>
    </message>
    <message>
        <source>Out-of-class and home, grades 1–2</source>
        <translation>课外及家务劳动（1–2年级）</translation>
    </message>
    <message>
        <source>Out-of-class and home, grades 3–9</source>
        <translation>课外及家务劳动（3–9年级）</translation>
    </message>
    <message>
        <source>Labor course</source>
        <translation>劳动课</translation>
    </message>
    <message>
        <source>Scales and evidence</source>
        <translation>评价等级与佐证材料</translation>
    </message>
    <message>
        <source>Rating scale (平时表现)</source>
        <translation>平时表现等级</translation>
    </message>
    <message>
        <source>Evaluation scale (学段综合评价)</source>
        <translation>学段综合评价等级</translation>
    </message>
    <message>
        <source>Largest evidence file</source>
        <translation>佐证文件大小上限</translation>
    </message>
    <message>
        <source>Task groups taught in each 学段</source>
        <translation>各学段开设的任务群</translation>
    </message>
    <message>
        <source>Grades 1–2</source>
        <translation>1–2年级</translation>
    </message>
    <message>
        <source>Grades 3–4</source>
        <translation>3–4年级</translation>
    </message>
    <message>
        <source>Grades 5–6</source>
        <translation>5–6年级</translation>
    </message>
    <message>
        <source>Grades 7–9</source>
        <translation>7–9年级</translation>
    </message>
    <message>
        <source>= {hours} h/week</source>
        <translation>= {hours} 小时/周</translation>
    </message>
    <message>
        <source>Weekly out-of-class and home labor</source>
        <translation>每周课外及家务劳动</translation>
    </message>
    <message>
        <source>Rating scale: at least two different levels, none of them empty</source>
        <translation>平时表现等级：至少两个互不相同的等级，且不能为空</translation>
    </message>
    <message>
        <source>Evaluation scale: at least two different levels, none of them empty</source>
        <translation>学段综合评价等级：至少两个互不相同的等级，且不能为空</translation>
    </message>
    <message>
        <source>Task groups: tick at least one in every 学段</source>
        <translation>任务群：每个学段至少勾选一个</translation>
    </message>
    <message>
        <source>{setting}: {problem}</source>
        <translation>{setting}：{problem}</translation>
    </message>
</context>
<context>
    <name>LaborTotalsModel</name>
    <message>
        <source>Minutes in the period.</source>
        <translation>期间内的分钟数。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters.</source>
        <translation>全国学籍号，19 位。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>A warning sign marks a student below the weekly threshold.</source>
        <translation>警示标志表示该学生低于每周时长要求。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Grade and class.</source>
        <translation>年级和班级。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>All minutes of labor in the period, every setting.</source>
        <translation>期间内全部劳动分钟数，包括所有场所。</translation>
    </message>
    <message>
        <source>Out of class</source>
        <translation>课外</translation>
    </message>
    <message>
        <source>Minutes of out-of-class and home labor (on campus, at home, in the community): what the weekly threshold counts.</source>
        <translation>课外及家庭劳动分钟数（校内、家庭、社区）：每周时长要求按此计算。</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Out-of-class minutes per week: the minutes × 7 ÷ the days of the period.</source>
        <translation>每周课外劳动分钟数：分钟数 × 7 ÷ 期间天数。</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Minutes per week required for the student&apos;s stage (grades 1–2: 120, others: 180 by default; see the labor settings).</source>
        <translation>学生所在学段每周要求的分钟数（默认 1–2 年级 120，其他 180；见劳动设置）。</translation>
    </message>
    <message>
        <source>Labor lessons</source>
        <translation>劳动课</translation>
    </message>
    <message>
        <source>Minutes of labor lessons attended.</source>
        <translation>上劳动课的分钟数。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <source>Number of activities attended.</source>
        <translation>参加的活动数。</translation>
    </message>
    <message>
        <source>By task group</source>
        <translation>按任务群</translation>
    </message>
    <message>
        <source>Minutes per task group (number, name, minutes).</source>
        <translation>各任务群的分钟数（编号、名称、分钟）。</translation>
    </message>
    <message>
        <source>Below the threshold: {weekly} of {threshold} minutes a week.</source>
        <translation>未达标：每周 {weekly} 分钟，要求 {threshold} 分钟。</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Students on the roll.</source>
        <translation>在籍学生数。</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Students below the weekly threshold.</source>
        <translation>低于每周时长要求的学生数。</translation>
    </message>
    <message>
        <source>Average per week</source>
        <translation>每周平均</translation>
    </message>
    <message>
        <source>The class&apos;s average out-of-class minutes per week.</source>
        <translation>全班每周课外劳动的平均分钟数。</translation>
    </message>
    <message>
        <source>Minutes per week required.</source>
        <translation>每周要求的分钟数。</translation>
    </message>
    <message>
        <source>Minutes of labor lessons held / minutes required (1 lesson a week by default).</source>
        <translation>已上劳动课分钟数 / 要求分钟数（默认每周 1 课时）。</translation>
    </message>
    <message>
        <source>Lessons enough</source>
        <translation>劳动课达标</translation>
    </message>
    <message>
        <source>Whether the labor lessons held reach what is required.</source>
        <translation>已上的劳动课是否达到要求。</translation>
    </message>
    <message>
        <source>Labor week held</source>
        <translation>已开展劳动周</translation>
    </message>
    <message>
        <source>Whether the class took part in a labor-week activity in this school year.</source>
        <translation>本学年该班是否参加了劳动周活动。</translation>
    </message>
</context>
<context>
    <name>LaborTotalsTab</name>
    <message>
        <source>Whole term, up to today</source>
        <translation>整个学期（截至今天）</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Only students below the threshold</source>
        <translation>只看未达标</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Classes (those below are highlighted):</source>
        <translation>各班情况（未达标的班级突出显示）：</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Adding up the minutes…</source>
        <translation>正在统计时长…</translation>
    </message>
    <message>
        <source>Adding up the labor minutes…</source>
        <translation>正在统计劳动时长…</translation>
    </message>
    <message>
        <source>No labor has been recorded for these students in this period yet, so every one of them is below the threshold. Record the activities first.</source>
        <translation>这些学生在此期间还没有劳动记录，因此全部未达标。请先记录劳动活动。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{start} to {end} ({weeks} weeks): {below} of {students} students below the weekly threshold; {classes} classes below or short of labor lessons.</source>
        <translation>{start} 至 {end}（{weeks} 周）：{students} 名学生中 {below} 名低于每周时长要求；{classes} 个班级未达标或劳动课不足。</translation>
    </message>
    <message>
        <source>Labor week of {year}: held ({count} activities, {first} to {last}).</source>
        <translation>{year} 学年劳动周：已开展（{count} 项活动，{first} 至 {last}）。</translation>
    </message>
    <message>
        <source>Labor week of {year}: not held yet (expected {start} to {end}).</source>
        <translation>{year} 学年劳动周：尚未开展（预计 {start} 至 {end}）。</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies the next time Baosong starts.</source>
        <translation>更改语言后，下次启动报送时生效。</translation>
    </message>
    <message>
        <source>Saved. Restart Baosong to see the new language everywhere.</source>
        <translation>已保存。重新启动报送后，新语言将在所有界面生效。</translation>
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
        <source>&amp;Print class reports…</source>
        <translation>打印班级报告(&amp;P)…</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
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
    <name>NavigationWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
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
        <source>About Baosong</source>
        <translation>关于报送</translation>
    </message>
</context>
<context>
    <name>PEColumns</name>
    <message>
        <source>{what} over the term: a whole number from 0 to 100 (95 or 95%).</source>
        <translation>本学期{what}：0 到 100 的整数（可写 95 或 95%）。</translation>
    </message>
    <message>
        <source>Tick when a parent confirmed the out-of-school minutes.</source>
        <translation>家长已确认课外锻炼时间时勾选。</translation>
    </message>
    <message>
        <source>This school&apos;s settings count unconfirmed minutes as 0.</source>
        <translation>按本校设置，未经家长确认的时间按 0 计。</translation>
    </message>
    <message>
        <source>Attendance
%</source>
        <translation>体育课
出勤率 %</translation>
    </message>
    <message>
        <source>PE lessons attended (体育课出勤)</source>
        <translation>体育课出勤率</translation>
    </message>
    <message>
        <source>Break-time
exercise %</source>
        <translation>大课间
参与率 %</translation>
    </message>
    <message>
        <source>Participation in 大课间</source>
        <translation>大课间参与率</translation>
    </message>
    <message>
        <source>Exercise
min/week</source>
        <translation>课外锻炼
分钟/周</translation>
    </message>
    <message>
        <source>课外锻炼: minutes a week out of school, a whole number up to 2100; {target} minutes a week earn the full score.</source>
        <translation>课外锻炼：每周校外锻炼分钟数，不超过 2100 的整数；每周达到 {target} 分钟得满分。</translation>
    </message>
    <message>
        <source>Parent
confirmed</source>
        <translation>家长
确认</translation>
    </message>
    <message>
        <source>Sports club</source>
        <translation>体育社团</translation>
    </message>
    <message>
        <source>体育社团 or school team, e.g. 足球社; empty for none (at most 100 characters).</source>
        <translation>所在体育社团或校队，例如 足球社；没有则留空（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>Sport skill</source>
        <translation>专项技能</translation>
    </message>
    <message>
        <source>专项运动技能: the sport, e.g. 篮球 or 跳绳; empty while the student has none.</source>
        <translation>专项运动技能：项目名称，例如 篮球、跳绳；尚无则留空。</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>The level on this school&apos;s scale: {levels}. Choose it from the list (F2 or a double click).</source>
        <translation>按本校等级标准：{levels}。从列表中选择（按 F2 或双击）。</translation>
    </message>
    <message>
        <source>PE homework
%</source>
        <translation>体育作业
完成率 %</translation>
    </message>
    <message>
        <source>PE homework completed (体育作业)</source>
        <translation>体育作业完成率</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Anything worth keeping, at most 500 characters.</source>
        <translation>需要记录的其他情况，最多 500 个字符。</translation>
    </message>
    <message>
        <source>Computed; not entered.</source>
        <translation>自动计算，无需录入。</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>获奖</translation>
    </message>
    <message>
        <source>Sports awards of the term, recorded under 美育 → awards (domain sports); the best one counts.</source>
        <translation>本学期的体育类获奖（在“美育 → 获奖”中登记，领域为体育）；按最高的一项计分。</translation>
    </message>
    <message>
        <source>Process
score</source>
        <translation>过程
评价分</translation>
    </message>
    <message>
        <source>0–100, one decimal place: {weights}. Empty (grey) while a weighted entry is missing.</source>
        <translation>0–100，保留一位小数：{weights}。有计权项目缺失时为空（灰色）。</translation>
    </message>
    <message>
        <source>Fitness
total</source>
        <translation>体测
总分</translation>
    </message>
    <message>
        <source>The school year&apos;s fitness total (学年总分, the retest when there is one), from 体质健康; empty until complete.</source>
        <translation>本学年体质健康学年总分（有补测时取补测），来自“体质健康”；成绩不完整时为空。</translation>
    </message>
    <message>
        <source>PE result</source>
        <translation>体育
综合成绩</translation>
    </message>
    <message>
        <source>{fitness}% × fitness total (at most 100) + {process}% × process score, one decimal place.</source>
        <translation>{fitness}% × 体测总分（最多按 100 计）+ {process}% × 过程评价分，保留一位小数。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Of the PE result: excellent from 90, good from 80, pass from 60, else fail.</source>
        <translation>体育综合成绩的等级：90 分及以上优秀，80 分及以上良好，60 分及以上及格，其余不及格。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, from the roster.</source>
        <translation>全国学籍号，来自学生名册。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From the roster.</source>
        <translation>来自学生名册。</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免测</translation>
    </message>
    <message>
        <source>Still missing: {what}.</source>
        <translation>尚缺：{what}。</translation>
    </message>
    <message>
        <source>Exempt from the fitness test: no PE result.</source>
        <translation>体质测试免测：没有体育综合成绩。</translation>
    </message>
    <message>
        <source>Needs both a complete fitness total and a process score.</source>
        <translation>需要完整的体测总分和过程评价分。</translation>
    </message>
</context>
<context>
    <name>PEPage</name>
    <message>
        <source>Process evaluation</source>
        <translation>过程评价</translation>
    </message>
    <message>
        <source>No students yet. PE process records are kept for the students of the roster: import the roster first, then enter each class&apos;s records of the term.</source>
        <translation>还没有学生。体育过程记录按名册中的学生保存：请先导入学生名册，再逐班录入本学期的记录。</translation>
    </message>
</context>
<context>
    <name>PEProcessTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the class&apos;s changed entries (Ctrl+S)</source>
        <translation>保存本班已修改的记录（Ctrl+S）</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Weights and scales…</source>
        <translation>权重与标准…</translation>
    </message>
    <message>
        <source>中招体育 schemes…</source>
        <translation>中招体育方案…</translation>
    </message>
    <message>
        <source>Open the first class</source>
        <translation>打开第一个班级</translation>
    </message>
    <message>
        <source>Choose a class in the tree on the left: PE process records are entered class by class, for the term chosen above.</source>
        <translation>请在左侧选择一个班级：体育过程记录按班级录入，学期在上方选择。</translation>
    </message>
    <message>
        <source>This class has no students on roll. Add them on the roster first.</source>
        <translation>本班没有在籍学生。请先在学生名册中添加。</translation>
    </message>
    <message>
        <source>Open the class again to correct it.</source>
        <translation>请重新打开该班级进行更正。</translation>
    </message>
    <message>
        <source>{saved} saved; not saved: {reasons}</source>
        <translation>已保存 {saved} 条；未保存：{reasons}</translation>
    </message>
    <message>
        <source>{students} students: {recorded} with entries this term, {scored} with a process score (mean {mean}); PE result {levels}; {unsaved} not saved yet.</source>
        <translation>共 {students} 人：本学期已录入 {recorded} 人，有过程评价分 {scored} 人（平均 {mean}）；体育综合成绩 {levels}；尚未保存 {unsaved} 人。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PESettingsDialog</name>
    <message>
        <source>PE process settings</source>
        <translation>体育过程评价设置</translation>
    </message>
    <message>
        <source>These numbers are defaults proposed by Baosong, still to be confirmed by the district&apos;s education bureau (待区教育局确认). Change them when the district sets its rules: every score is computed again from the records.</source>
        <translation>以下数值是报送系统建议的默认值，尚待区教育局确认。区里出台规定后请据此修改：所有分数都会根据记录重新计算。</translation>
    </message>
    <message>
        <source> min/week</source>
        <translation> 分钟/周</translation>
    </message>
    <message>
        <source>Count only minutes a parent confirmed</source>
        <translation>只计家长确认的锻炼时间</translation>
    </message>
    <message>
        <source>Name and points of each level, best first.</source>
        <translation>每个等级的名称和分数，从高到低。</translation>
    </message>
    <message>
        <source>Count only awards of events an education authority organised</source>
        <translation>只计教育行政部门主办赛事的获奖</translation>
    </message>
    <message>
        <source>Process score weights (adding up to 100)</source>
        <translation>过程评价权重（合计 100）</translation>
    </message>
    <message>
        <source>Scales and the PE result</source>
        <translation>标准与体育综合成绩</translation>
    </message>
    <message>
        <source>Out-of-school exercise for full points</source>
        <translation>课外锻炼满分时长</translation>
    </message>
    <message>
        <source>Skill levels and points</source>
        <translation>技能等级及分数</translation>
    </message>
    <message>
        <source>Points of a {level} award</source>
        <translation>{level}获奖得分</translation>
    </message>
    <message>
        <source>Fitness share of the PE result</source>
        <translation>体测成绩占综合成绩比例</translation>
    </message>
    <message>
        <source>Process share of the PE result</source>
        <translation>过程评价占综合成绩比例</translation>
    </message>
    <message>
        <source>Total: {total} of 100</source>
        <translation>合计：{total} / 100</translation>
    </message>
    <message>
        <source>Write the skill levels as names with points, e.g. 优秀 100, 良好 85.</source>
        <translation>技能等级请写成“名称 分数”，例如：优秀 100, 良好 85。</translation>
    </message>
</context>
<context>
    <name>PacketCheckPage</name>
    <message>
        <source>Completeness check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <source>Gaps the bureau would notice, found before the export.</source>
        <translation>导出前先找出教育局会发现的缺漏。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Export anyway: I know about these gaps</source>
        <translation>仍然导出：我已了解这些缺漏</translation>
    </message>
    <message>
        <source>Checking the records…</source>
        <translation>正在检查记录…</translation>
    </message>
    <message>
        <source>Nothing changed since the last acknowledged packet: no packet is needed.</source>
        <translation>自上次已确认的报送包以来没有任何变化，无需导出报送包。</translation>
    </message>
    <message>
        <source>The packet will hold {n} records: {counts}.</source>
        <translation>报送包将包含 {n} 条记录：{counts}。</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>没有缺漏。</translation>
    </message>
    <message>
        <source>The check found gaps (below). Better fill them first: cancel, complete the records and export again. Or export anyway if they are known and fine.</source>
        <translation>检查发现了缺漏（见下表）。最好先补齐：取消导出，完善记录后再导出。如果这些缺漏已知且无妨，也可以仍然导出。</translation>
    </message>
    <message>
        <source>The check was cancelled. Go back and start it again.</source>
        <translation>检查已取消。请返回上一步重新开始。</translation>
    </message>
</context>
<context>
    <name>PacketDonePage</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Packet:</source>
        <translation>报送包：</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Save as another file…</source>
        <translation>另存为其他文件…</translation>
    </message>
    <message>
        <source>Signing, encrypting and writing the packet…</source>
        <translation>正在签名、加密并写入报送包…</translation>
    </message>
    <message>
        <source>The packet was exported.</source>
        <translation>报送包已导出。</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>No. {n}, {term}, {mode}</source>
        <translation>第 {n} 号，{term}，{mode}</translation>
    </message>
    <message>
        <source>Take the file to the education bureau. When the bureau&apos;s receipt comes back, import it on the Exported packets tab.</source>
        <translation>请将该文件交给教育局。收到教育局的回执后，在“报送记录”标签页中导入。</translation>
    </message>
</context>
<context>
    <name>PacketExportWizard</name>
    <message>
        <source>Export a submission packet</source>
        <translation>导出报送包</translation>
    </message>
    <message>
        <source>Save the submission packet</source>
        <translation>保存报送包</translation>
    </message>
    <message>
        <source>Submission packet (*.bspkt)</source>
        <translation>报送包 (*.bspkt)</translation>
    </message>
    <message>
        <source>Checking the records…</source>
        <translation>正在检查记录…</translation>
    </message>
    <message>
        <source>Exporting the packet…</source>
        <translation>正在导出报送包…</translation>
    </message>
    <message>
        <source>Something went wrong inside Baosong; no packet was written.</source>
        <translation>报送软件内部出错，未写入任何报送包。</translation>
    </message>
</context>
<context>
    <name>PacketHistoryTab</name>
    <message>
        <source>No packet exported yet. Enter the term&apos;s records, then export the first packet for the education bureau.</source>
        <translation>尚未导出报送包。请先录入本学期的记录，然后为教育局导出第一个报送包。</translation>
    </message>
    <message>
        <source>Export packet…</source>
        <translation>导出报送包…</translation>
    </message>
    <message>
        <source>Import receipt…</source>
        <translation>导入回执…</translation>
    </message>
    <message>
        <source>Read the bureau&apos;s receipt (.bsrcpt): it acknowledges or returns a packet.</source>
        <translation>读取教育局的回执（.bsrcpt）：回执会确认或退回报送包。</translation>
    </message>
    <message>
        <source>Choose the bureau&apos;s receipt</source>
        <translation>选择教育局的回执</translation>
    </message>
    <message>
        <source>Receipts (*.bsrcpt);;All files (*)</source>
        <translation>回执 (*.bsrcpt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing the receipt…</source>
        <translation>正在导入回执…</translation>
    </message>
    <message>
        <source>Receipt imported</source>
        <translation>回执已导入</translation>
    </message>
    <message>
        <source>This receipt was imported before; nothing changed.</source>
        <translation>此回执之前已导入过，没有任何变化。</translation>
    </message>
    <message>
        <source>Packet {n} is now: {status}.</source>
        <translation>第 {n} 号报送包现在的状态：{status}。</translation>
    </message>
    <message>
        <source>The bureau took {created} new and {updated} changed records; {unchanged} were unchanged, {conflicts} are held for review and {rejected} were rejected.</source>
        <translation>教育局接收了 {created} 条新记录和 {updated} 条修改的记录；{unchanged} 条未变，{conflicts} 条待审核，{rejected} 条被拒绝。</translation>
    </message>
    <message>
        <source>The whole packet was returned: {reason}</source>
        <translation>整个报送包被退回：{reason}</translation>
    </message>
    <message>
        <source>{n} records are flagged by the bureau: see Returned records. Correct them and export again.</source>
        <translation>教育局标记了 {n} 条记录，请查看“退回记录”。更正后重新导出。</translation>
    </message>
    <message>
        <source>{n} corrected records are no longer flagged.</source>
        <translation>{n} 条已更正的记录不再标记。</translation>
    </message>
</context>
<context>
    <name>PacketKeysTab</name>
    <message>
        <source>This school&apos;s signing key</source>
        <translation>本校签名密钥</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Create key…</source>
        <translation>创建密钥…</translation>
    </message>
    <message>
        <source>Back up keys…</source>
        <translation>备份密钥…</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <source>Export school identity file…</source>
        <translation>导出学校身份文件…</translation>
    </message>
    <message>
        <source>Trusted education bureau</source>
        <translation>信任的教育局</translation>
    </message>
    <message>
        <source>Bureau:</source>
        <translation>教育局：</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>加密密钥：</translation>
    </message>
    <message>
        <source>Trusted since:</source>
        <translation>信任时间：</translation>
    </message>
    <message>
        <source>Trust the bureau&apos;s public keys file…</source>
        <translation>信任教育局公钥文件…</translation>
    </message>
    <message>
        <source>This school has no signing key yet. Create it first: it signs every packet, so the bureau knows the packet comes from this school and was not changed.</source>
        <translation>本校还没有签名密钥。请先创建：每个报送包都用它签名，教育局据此确认报送包来自本校且未被改动。</translation>
    </message>
    <message>
        <source>The bureau checks every packet with this key. Give it the school identity file and read it the fingerprint by phone; keep a backup of the key and its passphrase apart.</source>
        <translation>教育局用此密钥核验每个报送包。请将学校身份文件交给教育局，并通过电话向其朗读指纹；密钥备份与口令请分开保管。</translation>
    </message>
    <message>
        <source>No education bureau is trusted yet, so no packet can be encrypted. Ask the bureau for its public keys file, choose it here and compare its fingerprint with the bureau by phone.</source>
        <translation>尚未信任任何教育局，因此无法加密报送包。请向教育局索取公钥文件，在此选择该文件，并与教育局电话核对指纹。</translation>
    </message>
    <message>
        <source>Packets are encrypted so that only this bureau can open them.</source>
        <translation>报送包经过加密，只有该教育局能够打开。</translation>
    </message>
    <message>
        <source>Trust a new bureau public keys file…</source>
        <translation>信任新的教育局公钥文件…</translation>
    </message>
    <message>
        <source>Create the signing key</source>
        <translation>创建签名密钥</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect the school&apos;s signing key. It is asked for every export. Write it down and keep it safe: nobody can recover it (a forgotten passphrase means making a new key).</source>
        <translation>请设置口令来保护本校的签名密钥。每次导出都需要输入口令。请记下并妥善保管：口令无法找回（忘记口令只能重新生成密钥）。</translation>
    </message>
    <message>
        <source>Signing key created</source>
        <translation>签名密钥已创建</translation>
    </message>
    <message>
        <source>The school&apos;s signing key was created. Its fingerprint is {short}.

Next: back up the key, export the school identity file and give it to the education bureau.</source>
        <translation>本校签名密钥已创建，指纹为 {short}。

下一步：备份密钥，导出学校身份文件并交给教育局。</translation>
    </message>
    <message>
        <source>Replace the signing key</source>
        <translation>更换签名密钥</translation>
    </message>
    <message>
        <source>A new signing key replaces the current one, which is kept but signs nothing any more. The bureau accepts packets signed with the new key only after it has enrolled the school&apos;s new identity: export the identity file afterwards, give it to the bureau and read them the new fingerprint by phone.

Choose a passphrase for the new key.</source>
        <translation>新的签名密钥将取代当前密钥；当前密钥会保留，但不再用于签名。教育局登记本校的新身份后，才会接收用新密钥签名的报送包：更换后请导出身份文件交给教育局，并通过电话向其朗读新指纹。

请为新密钥设置口令。</translation>
    </message>
    <message>
        <source>Signing key replaced</source>
        <translation>签名密钥已更换</translation>
    </message>
    <message>
        <source>The new key&apos;s fingerprint is {short}. Export the school identity file now and give it to the education bureau before the next packet.</source>
        <translation>新密钥的指纹为 {short}。请立即导出学校身份文件，并在下次报送前交给教育局。</translation>
    </message>
    <message>
        <source>Keys backed up</source>
        <translation>密钥已备份</translation>
    </message>
    <message>
        <source>{n} key files were copied to {path}. They stay encrypted: the backup is useless without the passphrase, so keep both, in different places.</source>
        <translation>已将 {n} 个密钥文件复制到 {path}。这些文件仍是加密的：没有口令，备份无法使用，请将二者分别保管在不同的地方。</translation>
    </message>
    <message>
        <source>Export the school identity file</source>
        <translation>导出学校身份文件</translation>
    </message>
    <message>
        <source>The identity file carries the school&apos;s code, name and public key, sealed with the signing key. Type the key&apos;s passphrase.</source>
        <translation>身份文件包含学校标识码、校名和公钥，并用签名密钥封签。请输入密钥口令。</translation>
    </message>
    <message>
        <source>School identity exported</source>
        <translation>学校身份文件已导出</translation>
    </message>
    <message>
        <source>The identity file was written to {path}. Give it to the education bureau and read them its fingerprint by phone: {short}.</source>
        <translation>身份文件已写入 {path}。请交给教育局，并通过电话向其朗读指纹：{short}。</translation>
    </message>
    <message>
        <source>Choose an empty folder for the key backup</source>
        <translation>为密钥备份选择一个空文件夹</translation>
    </message>
    <message>
        <source>Save the school identity file</source>
        <translation>保存学校身份文件</translation>
    </message>
    <message>
        <source>Identity file (*.json)</source>
        <translation>身份文件 (*.json)</translation>
    </message>
    <message>
        <source>Choose the bureau&apos;s public keys file</source>
        <translation>选择教育局公钥文件</translation>
    </message>
    <message>
        <source>Bureau public keys (*.json);;All files (*)</source>
        <translation>教育局公钥 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PacketLabels</name>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Student event</source>
        <translation>学生异动</translation>
    </message>
    <message>
        <source>School programme</source>
        <translation>学校艺术项目</translation>
    </message>
    <message>
        <source>Programme member</source>
        <translation>项目成员</translation>
    </message>
    <message>
        <source>Arts activity</source>
        <translation>艺术活动</translation>
    </message>
    <message>
        <source>Arts activity participant</source>
        <translation>艺术活动参与者</translation>
    </message>
    <message>
        <source>Arts course record</source>
        <translation>艺术课程记录</translation>
    </message>
    <message>
        <source>Arts specialty</source>
        <translation>艺术特长</translation>
    </message>
    <message>
        <source>Arts assessment</source>
        <translation>艺术测评</translation>
    </message>
    <message>
        <source>Arts self-evaluation</source>
        <translation>艺术自评</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>获奖</translation>
    </message>
    <message>
        <source>Award winner</source>
        <translation>获奖学生</translation>
    </message>
    <message>
        <source>Labor activity</source>
        <translation>劳动活动</translation>
    </message>
    <message>
        <source>Labor participation</source>
        <translation>劳动参与记录</translation>
    </message>
    <message>
        <source>Labor evidence</source>
        <translation>劳动佐证材料</translation>
    </message>
    <message>
        <source>Labor literacy evaluation</source>
        <translation>劳动素养评价</translation>
    </message>
    <message>
        <source>Labor evaluation correction</source>
        <translation>劳动评价更正</translation>
    </message>
    <message>
        <source>PE process record</source>
        <translation>体育过程记录</translation>
    </message>
    <message>
        <source>Exported, no receipt yet</source>
        <translation>已导出，未收到回执</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>退回更正</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>PacketOptionsPage</name>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>The packet holds this school&apos;s records of the term, signed with the school&apos;s key and encrypted so that only the education bureau can open it.</source>
        <translation>报送包包含本校该学期的记录，用本校密钥签名并加密，只有教育局能够打开。</translation>
    </message>
    <message>
        <source>Full: every record of the term (recommended)</source>
        <translation>完整：该学期的全部记录（推荐）</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>Packet:</source>
        <translation>报送包：</translation>
    </message>
    <message>
        <source>Encrypted for:</source>
        <translation>加密给：</translation>
    </message>
    <message>
        <source>Signed with key:</source>
        <translation>签名密钥：</translation>
    </message>
    <message>
        <source>Incremental: possible once the bureau has acknowledged a packet</source>
        <translation>增量：教育局确认过报送包后才可使用</translation>
    </message>
    <message>
        <source>Incremental: only the records changed since packet {n}, the last one the bureau acknowledged</source>
        <translation>增量：仅包含自第 {n} 号报送包（教育局最近确认的一个）以来有变化的记录</translation>
    </message>
</context>
<context>
    <name>PacketReturnsTab</name>
    <message>
        <source>Correct each returned record where it is kept (the roster, labor, arts or PE page), then export a new packet. The flag goes away when the bureau&apos;s receipt for that packet is imported. Records held for review need nothing from you unless the bureau asks.</source>
        <translation>请在各记录所在的页面（学生名册、劳动教育、美育或体育过程）更正被退回的记录，然后导出新的报送包。导入教育局对该报送包的回执后，标记会自动消除。待审核的记录无需处理，除非教育局另有要求。</translation>
    </message>
    <message>
        <source>No record is flagged by the bureau. When an imported receipt returns records for correction, they are listed here.</source>
        <translation>教育局没有标记任何记录。导入的回执如退回记录要求更正，会在此列出。</translation>
    </message>
</context>
<context>
    <name>PacketSignPage</name>
    <message>
        <source>Sign and save</source>
        <translation>签名并保存</translation>
    </message>
    <message>
        <source>Type the passphrase of the school&apos;s signing key ({short}).</source>
        <translation>请输入本校签名密钥（{short}）的口令。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>A copy of every packet is also kept in {folder}.</source>
        <translation>每个报送包还会在 {folder} 中保留一份副本。</translation>
    </message>
    <message>
        <source>Save the packet as:</source>
        <translation>报送包保存为：</translation>
    </message>
</context>
<context>
    <name>PacketTableModels</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>The packet&apos;s sequence number: 1, 2, 3… for every export.</source>
        <translation>报送包序号：每次导出依次为 1、2、3…</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>The term the packet covers.</source>
        <translation>报送包所属的学期。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Full: every record of the term. Incremental: the changes since the last acknowledged packet.</source>
        <translation>完整：该学期的全部记录。增量：自上次已确认的报送包以来的变化。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Date and time of the export.</source>
        <translation>导出的日期和时间。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Set by importing the bureau&apos;s receipt or return.</source>
        <translation>导入教育局的回执或退回文件后更新。</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Records in the packet.</source>
        <translation>报送包中的记录数。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>A copy of every packet is kept in the exports folder.</source>
        <translation>每个报送包都在导出文件夹中保留一份副本。</translation>
    </message>
    <message>
        <source>Returned: correct it and export again. Rejected: the bureau could not take it. Held for review: the bureau decides.</source>
        <translation>退回更正：更正后重新导出。被拒绝：教育局无法接收。待审核：由教育局决定。</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Where to correct it.</source>
        <translation>在哪里更正。</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>The student the record is about, if it is a student&apos;s.</source>
        <translation>记录所属的学生（如果是学生的记录）。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What the bureau says.</source>
        <translation>教育局的说明。</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>报送包</translation>
    </message>
    <message>
        <source>The packet that carried the record.</source>
        <translation>包含该记录的报送包。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>The record&apos;s identifier, to quote when asking the bureau.</source>
        <translation>记录编号，向教育局询问时引用。</translation>
    </message>
</context>
<context>
    <name>PacketsPage</name>
    <message>
        <source>Export packet…</source>
        <translation>导出报送包…</translation>
    </message>
    <message>
        <source>Keys and trust</source>
        <translation>密钥与信任</translation>
    </message>
    <message>
        <source>Exported packets</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <source>Returned records</source>
        <translation>退回记录</translation>
    </message>
    <message>
        <source>This workspace has no school yet. Set the school up in Settings first.</source>
        <translation>此工作区还没有学校。请先在“设置”中设置学校。</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Before the first export: create the school&apos;s signing key and trust the education bureau&apos;s public keys (tab Keys and trust).</source>
        <translation>首次导出前：请创建本校签名密钥，并信任教育局公钥（“密钥与信任”标签页）。</translation>
    </message>
    <message>
        <source>Before exporting: create the school&apos;s signing key (tab Keys and trust).</source>
        <translation>导出前：请创建本校签名密钥（“密钥与信任”标签页）。</translation>
    </message>
    <message>
        <source>Before exporting: trust the education bureau&apos;s public keys (tab Keys and trust).</source>
        <translation>导出前：请信任教育局公钥（“密钥与信任”标签页）。</translation>
    </message>
    <message>
        <source>Ready to export the first packet of this school.</source>
        <translation>可以导出本校的第一个报送包了。</translation>
    </message>
    <message>
        <source>Last packet: No. {n} of {date}, {status}.</source>
        <translation>最近的报送包：第 {n} 号（{date}），{status}。</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Same passphrase again:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Acceptable. Longer is stronger: a few words with spaces between them.</source>
        <translation>可以使用。越长越安全：例如用空格隔开的几个词。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>The passphrase is too short: at least {n} characters.</source>
        <translation>口令太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the second one again.</source>
        <translation>两次输入的口令不一致。请重新输入第二次。</translation>
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
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit programme</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>e.g. 合唱团, 校园足球</source>
        <translation>例如 合唱团、校园足球</translation>
    </message>
    <message>
        <source>e.g. 合唱, 民乐, 书法</source>
        <translation>例如 合唱、民乐、书法</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Adviser:</source>
        <translation>指导教师：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
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
    <name>PublicityDialog</name>
    <message>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Put {count} evaluations under public notice. They can be confirmed by the reviewer once the notice has ended; it lasts at least {days} days.</source>
        <translation>将 {count} 份评价进行公示。公示结束后才能由审核人确认；公示至少 {days} 天。</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束：</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>The school&apos;s packet sequence number</source>
        <translation>该校数据包的序号</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <source>Records listed</source>
        <translation>列出的记录</translation>
    </message>
    <message>
        <source>Records rejected or held for review, named in the receipt</source>
        <translation>回执中列出的拒收或待审核记录</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Returns for correction sent with this receipt</source>
        <translation>随本回执发出的退回更正</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>No receipt is waiting. A receipt is made for every packet merged on the Packet intake page; returns decided below go out with the next receipts.</source>
        <translation>没有待发送的回执。在“报送接收”页合并的每个数据包都会生成回执；下方决定的退回会随下一批回执发出。</translation>
    </message>
    <message>
        <source>Write receipts to folder…</source>
        <translation>写出回执到文件夹…</translation>
    </message>
    <message>
        <source>Receipts to send</source>
        <translation>待发送的回执</translation>
    </message>
    <message>
        <source>Each school imports its receipt to see which of its records the bureau holds and which it must correct. Write them to a folder (e.g. a USB stick) and pass them on.</source>
        <translation>每所学校导入自己的回执后，即可看到教育局已收到哪些记录、哪些需要更正。请把回执写到文件夹（例如 U 盘）后转交学校。</translation>
    </message>
    <message>
        <source>{receipts} receipts and {returns} returns to write.</source>
        <translation>待写出：{receipts} 份回执，{returns} 条退回。</translation>
    </message>
    <message>
        <source>Enter the passphrase of the bureau&apos;s keys to sign the receipts.</source>
        <translation>请输入教育局密钥的口令，以签署回执。</translation>
    </message>
    <message>
        <source>Signing and writing the receipts…</source>
        <translation>正在签署并写出回执…</translation>
    </message>
    <message>
        <source>{n} documents were written to {folder}. Give each school its own.</source>
        <translation>已将 {n} 份文件写入 {folder}。请分别交给对应的学校。</translation>
    </message>
    <message>
        <source>Write the receipts to</source>
        <translation>将回执写到</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <source>No. {n}, {at}</source>
        <translation>第 {n} 号，{at}</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>学校标识码</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>The first groups of the key&apos;s fingerprint</source>
        <translation>密钥指纹的前几组</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Last packet</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>The school&apos;s newest merged packet</source>
        <translation>该校最近合并的数据包</translation>
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
    <name>ReturnRecordsPanel</name>
    <message>
        <source>Return for correction</source>
        <translation>退回更正</translation>
    </message>
    <message>
        <source>The whole packet</source>
        <translation>整个数据包</translation>
    </message>
    <message>
        <source>Chosen records</source>
        <translation>选定的记录</translation>
    </message>
    <message>
        <source>Filter by name or number</source>
        <translation>按姓名或编号筛选</translation>
    </message>
    <message>
        <source>What the school must correct (required)</source>
        <translation>学校需要更正的内容（必填）</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>No packet has been merged yet. Once packets are merged, a packet or some of its records can be returned here for the school to correct.</source>
        <translation>还没有合并任何数据包。合并后，可在此把整个数据包或其中部分记录退回学校更正。</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose the records to return first.</source>
        <translation>请先选择要退回的记录。</translation>
    </message>
    <message>
        <source>Enter the reason: it is what the school reads.</source>
        <translation>请填写原因：学校会看到这段说明。</translation>
    </message>
    <message>
        <source>Packet No. {n} of {code} is returned. It goes out with the next receipts.</source>
        <translation>{code} 的第 {n} 号数据包已退回，将随下一批回执发出。</translation>
    </message>
    <message>
        <source>{count} records of {code} are returned. They go out with the next receipts.</source>
        <translation>{code} 的 {count} 条记录已退回，将随下一批回执发出。</translation>
    </message>
</context>
<context>
    <name>ReturnsModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>{code} {name} · No. {n} · {at}</source>
        <translation>{code} {name} · 第 {n} 号 · {at}</translation>
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
        <source>Edit class</source>
        <translation>编辑班级</translation>
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
    <message>
        <source>No students yet. Import the roster file exported from the student registry (学籍系统), or add students one by one.</source>
        <translation>还没有学生。请导入从学籍系统导出的名册文件，或逐个新增学生。</translation>
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
    <name>SchoolRegistryPage</name>
    <message>
        <source>No school is enrolled yet. Ask each school for its identity file (made on the Submission page of the school&apos;s Baosong), then enrol it here after comparing the fingerprint by phone.</source>
        <translation>还没有登记任何学校。请每所学校提供其身份文件（在学校报送软件的“报送”页生成），通过电话核对指纹后在此登记。</translation>
    </message>
    <message>
        <source>Enrol identity file…</source>
        <translation>登记身份文件…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <source>This key was revoked; it cannot be enrolled again.</source>
        <translation>该密钥已被吊销，不能再次登记。</translation>
    </message>
    <message>
        <source>This school is already enrolled with this very key.</source>
        <translation>该学校已用这把密钥登记。</translation>
    </message>
    <message>
        <source>This school is enrolled with another key. Enrolling this one replaces it: packets signed with the old key are refused from now on.</source>
        <translation>该学校已用另一把密钥登记。登记这把新密钥会替换旧密钥：此后用旧密钥签名的数据包将被拒收。</translation>
    </message>
    <message>
        <source>School {code} {name} is enrolled.</source>
        <translation>学校 {code} {name} 已登记。</translation>
    </message>
    <message>
        <source>School {code} {name} now uses its new key; the old one is refused.</source>
        <translation>学校 {code} {name} 已改用新密钥；旧密钥将被拒收。</translation>
    </message>
    <message>
        <source>School {code} {name} uses its earlier key again.</source>
        <translation>学校 {code} {name} 重新使用其原先的密钥。</translation>
    </message>
    <message>
        <source>School {code} {name} was already enrolled with this key.</source>
        <translation>学校 {code} {name} 此前已用这把密钥登记。</translation>
    </message>
    <message>
        <source>Enrol a school&apos;s identity file</source>
        <translation>登记学校身份文件</translation>
    </message>
    <message>
        <source>Identity files (*.json);;All files (*)</source>
        <translation>身份文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Revoke a school&apos;s keys</source>
        <translation>吊销学校密钥</translation>
    </message>
    <message>
        <source>Revoke every key of {code} {name}? Its packets are refused from now on, until the school makes a new key and you enrol its new identity file.</source>
        <translation>要吊销 {code} {name} 的全部密钥吗？此后该校的数据包将被拒收，直到学校生成新密钥、并由您登记其新的身份文件。</translation>
    </message>
    <message>
        <source>{n} keys of school {code} were revoked.</source>
        <translation>已吊销学校 {code} 的 {n} 把密钥。</translation>
    </message>
</context>
<context>
    <name>ScopedPage</name>
    <message>
        <source>Open the student roster</source>
        <translation>打开学生名册</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>This workspace has no school yet. Set the school up in Settings first.</source>
        <translation>此工作区还没有学校。请先在“设置”中设置学校。</translation>
    </message>
    <message>
        <source>No students yet. Import the roster first: every record here is a student&apos;s.</source>
        <translation>还没有学生。请先导入学生名册：这里的每条记录都属于某个学生。</translation>
    </message>
</context>
<context>
    <name>SelfEvaluationForm</name>
    <message>
        <source>{name} ({weight} points)</source>
        <translation>{name}（{weight} 分）</translation>
    </message>
    <message>
        <source>0 to {weight}</source>
        <translation>0 到 {weight}</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>自评分：</translation>
    </message>
    <message>
        <source>separated by 、</source>
        <translation>用顿号分隔</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
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
        <source>Baosong backs the database up every day (the last 14 days and 12 months are kept) and before every risky action. A backup can be restored here.</source>
        <translation>报送每天自动备份数据库（保留最近 14 天和 12 个月的备份），并在每次风险操作前备份。可以在这里恢复备份。</translation>
    </message>
    <message>
        <source>Labor and arts rules</source>
        <translation>劳动与美育规则</translation>
    </message>
    <message>
        <source>Labor education rules…</source>
        <translation>劳动教育规则…</translation>
    </message>
    <message>
        <source>Arts assessment rules…</source>
        <translation>美育测评规则…</translation>
    </message>
    <message>
        <source>Weekly labor hours, the labor course, rating scales and task groups. The defaults follow the national documents; the district may adjust them.</source>
        <translation>每周劳动时长、劳动课、评价等级和任务群。默认值依据国家文件，区里可以调整。</translation>
    </message>
    <message>
        <source>Arts assessment sub-scores, bands and the total cap. The defaults follow the national documents; the district may adjust them.</source>
        <translation>艺术素质测评的二级指标分值、等级和总分上限。默认值依据国家文件，区里可以调整。</translation>
    </message>
    <message>
        <source>No school yet: enter its profile and save.</source>
        <translation>尚未建立学校：请填写学校信息并保存。</translation>
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
    <name>SpecialtyDialog</name>
    <message>
        <source>Edit specialty</source>
        <translation>编辑特长</translation>
    </message>
    <message>
        <source>New specialty</source>
        <translation>新增特长</translation>
    </message>
    <message>
        <source>e.g. 钢琴八级, 市级展演获奖</source>
        <translation>例如 钢琴八级、市级展演获奖</translation>
    </message>
    <message>
        <source>Outside school: the specialty counts as outside learning (校外学习), not toward the arts specialty score.</source>
        <translation>校外：该特长计入校外学习，不计入艺术特长分数。</translation>
    </message>
    <message>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Specialty:</source>
        <translation>特长：</translation>
    </message>
    <message>
        <source>Sub-type:</source>
        <translation>细类：</translation>
    </message>
    <message>
        <source>Trained:</source>
        <translation>培养方式：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>水平：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>School year {year}</source>
        <translation>{year} 学年</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <source>The database {path} is damaged (its integrity check failed). Start Baosong without --smoke-test to restore a backup.</source>
        <translation>数据库 {path} 已损坏（完整性检查未通过）。请不带 --smoke-test 启动报送以恢复备份。</translation>
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
    <name>StudentPickModel</name>
    <message>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>全国学籍号, 19 characters; tick to choose.</source>
        <translation>全国学籍号，19 位；勾选即选中。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The student&apos;s name.</source>
        <translation>学生姓名。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Grade and class, e.g. 三年级(1)班.</source>
        <translation>年级和班级，例如 三年级(1)班。</translation>
    </message>
</context>
<context>
    <name>StudentPickerDialog</name>
    <message>
        <source>Choose students</source>
        <translation>选择学生</translation>
    </message>
    <message>
        <source>Search by name or student number</source>
        <translation>按姓名或学籍号搜索</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>勾选显示的全部学生</translation>
    </message>
    <message>
        <source>Untick all shown</source>
        <translation>取消勾选显示的全部学生</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>班级：</translation>
    </message>
    <message>
        <source>{count} students chosen</source>
        <translation>已选择 {count} 名学生</translation>
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
    <message>
        <source>全国学籍号, 19 characters: G + the 18-digit ID number, J + 18 characters, or a temporary L + area code, birth date and 4 digits.</source>
        <translation>全国学籍号，19 位：G + 18 位身份证号，J + 18 位，或临时学籍号 L + 地区码、出生日期和 4 位数字。</translation>
    </message>
    <message>
        <source>The name as registered, in Chinese characters, no spaces.</source>
        <translation>登记的姓名，汉字，不含空格。</translation>
    </message>
    <message>
        <source>男 or 女; for G and J numbers it follows from the number.</source>
        <translation>男或女；G、J 开头的学籍号由号码确定性别。</translation>
    </message>
    <message>
        <source>Year-month-day, e.g. 2016-09-01.</source>
        <translation>年-月-日，例如 2016-09-01。</translation>
    </message>
    <message>
        <source>One of the 56 ethnic groups (GB 3304), e.g. 汉族.</source>
        <translation>56 个民族之一（GB 3304），例如 汉族。</translation>
    </message>
    <message>
        <source>Grade and class, e.g. 三年级(1)班.</source>
        <translation>年级和班级，例如 三年级(1)班。</translation>
    </message>
    <message>
        <source>Enrolled, transferred in, transferred out, suspended or graduated; change it with Change status.</source>
        <translation>在籍、转入、转出、休学或毕业；用「转出/状态变更」修改。</translation>
    </message>
    <message>
        <source>Exempt from the physical fitness test; rest the mouse on a cell for the reason.</source>
        <translation>免予体质测试；鼠标停在单元格上可查看原因。</translation>
    </message>
</context>
<context>
    <name>TrustBureauDialog</name>
    <message>
        <source>Trust the bureau&apos;s public keys</source>
        <translation>信任教育局公钥</translation>
    </message>
    <message>
        <source>Call the education bureau and ask them to read out the fingerprint of their keys. Trust this file only if it is the same as the one below: otherwise the file may have been changed on its way, and your packets would go to someone else.</source>
        <translation>请给教育局打电话，请对方朗读其密钥的指纹。只有与下方显示的指纹一致时才信任此文件：否则文件可能在传递途中被改动，报送包就会落到别人手中。</translation>
    </message>
    <message>
        <source>Bureau:</source>
        <translation>教育局：</translation>
    </message>
    <message>
        <source>District code:</source>
        <translation>行政区划代码：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>加密密钥：</translation>
    </message>
    <message>
        <source>These keys replace the ones trusted now ({name}, {short}). Packets exported from now on are encrypted for the new keys.</source>
        <translation>这些密钥将替换当前信任的密钥（{name}，{short}）。此后导出的报送包将使用新密钥加密。</translation>
    </message>
    <message>
        <source>I compared the fingerprint with the bureau by phone: it is the same.</source>
        <translation>我已与教育局电话核对指纹：完全一致。</translation>
    </message>
    <message>
        <source>Trust these keys</source>
        <translation>信任这些密钥</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
</context>
<context>
    <name>ZhongkaoDialog</name>
    <message>
        <source>中招体育 schemes</source>
        <translation>中招体育方案</translation>
    </message>
    <message>
        <source>The 中招体育 score follows each exam year&apos;s official notice; Baosong has no built-in numbers. Import the year&apos;s scheme as a JSON file (items, scoring tables, points, the process share), check it here, and export it to pass it on.</source>
        <translation>中招体育成绩以当年正式文件为准，本系统不内置任何分值。请将当年方案（项目、评分表、分值、过程性评价分值）作为 JSON 文件导入，在此核对，并可导出分享给其他学校。</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No scheme yet. Import the JSON file of the exam year&apos;s scheme, entered from the official notice.</source>
        <translation>还没有方案。请导入根据当年正式文件整理的方案 JSON 文件。</translation>
    </message>
    <message>
        <source>Exam year {year}; source: {source}</source>
        <translation>考试年份 {year}；依据：{source}</translation>
    </message>
    <message>
        <source>Total {total} = exam {exam} + process {process}; electives counted: {choose}</source>
        <translation>总分 {total} = 现场考试 {exam} + 过程性评价 {process}；选考计入项数：{choose}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>compulsory</source>
        <translation>必考</translation>
    </message>
    <message>
        <source>elective</source>
        <translation>选考</translation>
    </message>
    <message>
        <source>{name} ({code}): {kind}, {sexes}, at most {max} points, {rows} table rows</source>
        <translation>{name}（{code}）：{kind}，{sexes}，满分 {max} 分，评分表 {rows} 行</translation>
    </message>
    <message>
        <source>{name} is not a readable JSON file ({reason}).</source>
        <translation>{name} 不是可读取的 JSON 文件（{reason}）。</translation>
    </message>
    <message>
        <source>{name} does not hold one scheme (an object).</source>
        <translation>{name} 中不是一个方案（应为一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>Replace the stored scheme of {year}?</source>
        <translation>替换已保存的 {year} 年方案吗？</translation>
    </message>
    <message>
        <source>The scheme was not imported. {problems}</source>
        <translation>方案未导入。{problems}</translation>
    </message>
    <message>
        <source>The scheme of {year} was imported.</source>
        <translation>{year} 年方案已导入。</translation>
    </message>
    <message>
        <source>中招体育 {year}.json</source>
        <translation>中招体育 {year}.json</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The scheme of {year} was written to {path}.</source>
        <translation>{year} 年方案已写入 {path}。</translation>
    </message>
    <message>
        <source>Delete the scheme of {year}?</source>
        <translation>删除 {year} 年方案吗？</translation>
    </message>
    <message>
        <source>The scheme of {year} was deleted.</source>
        <translation>{year} 年方案已删除。</translation>
    </message>
    <message>
        <source>Import 中招体育 scheme</source>
        <translation>导入中招体育方案</translation>
    </message>
    <message>
        <source>Export 中招体育 scheme</source>
        <translation>导出中招体育方案</translation>
    </message>
</context>
</TS>
