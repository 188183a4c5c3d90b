"""People for the demo school: common names, valid 身份证号 and 学籍号 (see ``demo.py``).

Every value is drawn from the random stream it is given, so a seed always yields the same people.
"""

from __future__ import annotations

import datetime as dt
import random

from app.models import Sex
from app.validation.ids import mod11_2_check_char

# The commonest surnames, most frequent first (王 李 张 刘 陈 … cover about half of Henan).
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙郭马胡朱高林何罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
_SURNAME_WEIGHTS = [1 / (rank + 4) for rank in range(len(_SURNAMES))]
_GIVEN = {
    Sex.MALE: "浩宇轩子梓博文俊杰涛明辰泽晨鑫昊然航磊鹏睿哲嘉伟强军辉毅凯豪瑞彬阳铭翔诚健皓一帆乐天宏",
    Sex.FEMALE: "欣怡雨涵萱佳思语诗琪婷悦雪梦瑶可馨静彤璐菲妍婉琳晓丽娜慧颖茜雯珊蕾倩紫若晴",
}
_PE_EXEMPT_REASONS = (
    "先天性心脏病（医院证明）",
    "骨折术后康复期",
    "哮喘，医嘱避免剧烈运动",
    "肢体残疾",
)
_EVENT_NOTES = {
    "transfer_in": ("由偃师区转入", "由新安县转入", "由洛阳市西工区转入", "由外省转入"),
    "suspend": ("因病休学", "家长申请休学"),
}
_MERGER = dt.date(2021, 3, 1)  # 孟津县 (410322) and 吉利区 (410306) became 孟津区 (410308)
SCHOOL_AREA = "410308"


class DemoPeople:
    """Draws names and identifiers; remembers the numbers used so none repeats.

    ``block`` (0–9) is the first digit of every ID's sequence number and of every L number's
    random part: demo schools made with different blocks never share an identifier, so a bureau
    can merge them without false transfers.
    """

    def __init__(self, rng: random.Random, block: int = 0) -> None:
        self.rng = rng
        self.block = block % 10
        self._ids: set[str] = set()
        self._student_nos: set[str] = set()

    def name(self, sex: Sex) -> str:
        surname = self.rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
        chars = _GIVEN[sex]
        given = self.rng.sample(chars, 2) if self.rng.random() < 0.75 else [self.rng.choice(chars)]
        return surname + "".join(given)

    def _area(self, birth: dt.date) -> str:
        # An ID keeps the area code of the birth registration, so children born before the
        # 2021 merger carry the old county codes.
        if birth >= _MERGER:
            return SCHOOL_AREA
        return "410306" if self.rng.random() < 0.12 else "410322"

    def id_number(self, birth: dt.date, sex: Sex) -> str:
        """An 18-character ID: area, birth date, sequence (odd for boys), MOD 11-2 check."""
        while True:
            seq = self.block * 100 + self.rng.randrange(100)
            if (seq % 2 == 1) != (sex is Sex.MALE):
                seq ^= 1  # stays in the block: block * 100 is even
            first17 = f"{self._area(birth)}{birth:%Y%m%d}{seq:03d}"
            number = first17 + mod11_2_check_char(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def student_no(self, id_number: str, birth: dt.date) -> tuple[str, str | None]:
        """(学籍号, 身份证号): mostly G + ID; about 2% still have a temporary L number, and half
        of those have no ID number on file yet."""
        if self.rng.random() >= 0.02:
            self._student_nos.add("G" + id_number)
            return "G" + id_number, id_number
        while True:
            number = f"L{SCHOOL_AREA}{birth:%Y%m%d}{self.block}{self.rng.randrange(1000):03d}"
            if number not in self._student_nos:
                self._student_nos.add(number)
                return number, (id_number if self.rng.random() < 0.5 else None)

    def pe_exempt_reason(self) -> str:
        """'' for almost everyone; a reason for about 0.6% (体育免修)."""
        return self.rng.choice(_PE_EXEMPT_REASONS) if self.rng.random() < 0.006 else ""

    def event_note(self, kind: str) -> str:
        return self.rng.choice(_EVENT_NOTES[kind])
