"""Printouts as Qt-free content: the data of each page and simple HTML that Qt's QTextDocument
renders (tables and inline styles only). The UI renders the HTML to PDF; nothing here imports Qt.

- ``comprehensive_record`` (with ``record_models``, ``record_labels``, ``record_html``): the
  综合素质档案 of each student for a term;
- ``fitness_card`` (with ``fitness_advice``): one 体质健康 result card per student
  (定期向家长反馈), with the change since the previous 学年 and a line of advice per weak item.
"""
