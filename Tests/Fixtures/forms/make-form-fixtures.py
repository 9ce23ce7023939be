#!/usr/bin/env python3
"""Regenerates the registration-form fixtures in this folder: forms filled in as county offices
send them (Word, a WPS-style Word file, Excel; old .doc/.xls made from them by LibreOffice) and
hostile files that must be refused (a zip bomb, an entity bomb, an external entity).

Requires python-docx and openpyxl (PyPI; scripts/install-deps.sh installs them) and, for the
.doc/.xls, LibreOffice (`soffice`). The outputs are committed; this script documents (and can
reproduce) how they were made.  Run: python3 make-form-fixtures.py
"""
import datetime, io, os, shutil, subprocess, tempfile, zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
FIXED_TIME = (2021, 5, 10, 9, 0, 0)  # zip timestamps, so reruns give the same bytes


def fixed_zip(path):
    """Rewrites a zip with fixed timestamps and sorted-as-written entries (reproducible bytes)."""
    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def merge_right(row, first, last):
    return row.cells[first].merge(row.cells[last])


def key_project_table(document, project, spaced=True, colon_name=False, with_fax=True):
    """附件1 as the notice prints it: four columns, labels left, values right, 项目简介 below."""
    s = (lambda label: " ".join(label)) if spaced else (lambda label: label)
    rows = [
        [("项目名称", project["projectName"])],
        [("主办单位", project["organizer"]), ("主管部门", project["supervisor"])],
        [("举办地点", project["venue"]), ("举办时间", project["time"])],
        [("项目负责人", project["leader"]), ("联系人", project["contact"])],
        [("地址", project["address"])],
        [("邮政编码", project["postcode"]), ("联系电话", project["phone"])],
        [("传真", project["fax"]), ("电子邮箱", project["email"])] if with_fax else [("电子邮箱", project["email"])],
        [("活动经费", project["budget"]), ("拟参加人数", project["expectedParticipants"])],
    ]
    table = document.add_table(rows=len(rows) + 2, cols=4)
    table.style = "Table Grid"
    for index, pairs in enumerate(rows):
        row = table.rows[index]
        if index == 0 and colon_name:
            # As WPS users often type it: label and value in one merged cell.
            merge_right(row, 0, 3).text = "项目名称：" + project["projectName"]
            continue
        if len(pairs) == 1:
            row.cells[0].text = s(pairs[0][0])
            merge_right(row, 1, 3).text = pairs[0][1]
        else:
            for column, (label, value) in enumerate(pairs):
                row.cells[column * 2].text = s(label)
                row.cells[column * 2 + 1].text = value
    # 项目简介: the label spans two rows (vMerge), the text a merged 3-column, 2-row block.
    first, second = table.rows[len(rows)], table.rows[len(rows) + 1]
    first.cells[0].merge(second.cells[0]).text = s("项目简介")
    description = first.cells[1].merge(second.cells[3])
    description.text = project["description"].split("\n")[0]
    for line in project["description"].split("\n")[1:]:
        description.add_paragraph(line)
    return table


PROJECTS = [
    dict(projectName="科普大篷车进乡村", organizer="南乐县科学技术协会", supervisor="南乐县科学技术局",
         venue="南乐县千口镇文化广场", time="2021年5月23日", leader="王建国", contact="李娜",
         address="南乐县人民路66号", postcode="457400", phone="0393-6221234", fax="0393-6221235",
         email="nlkx@example.cn", budget="3万元", expectedParticipants="800",
         description="科普大篷车开进千口镇，展出机器人、VR 与航天模型。\n同时开展农业技术咨询和科普讲座。"),
    dict(projectName="青少年科技创新成果展", organizer="南乐县教育局", supervisor="南乐县人民政府",
         venue="南乐县第一高级中学", time="2021年5月25日—26日", leader="赵敏", contact="孙浩",
         address="南乐县育才路1号", postcode="457400", phone="13803931234", fax="",
         email="nlyz@example.cn", budget="1.5万元", expectedParticipants="1200",
         description="展出全县中小学生科技创新作品 120 件，评选优秀作品推荐参加市赛。"),
]


def word_key_projects():
    document = docx.Document()
    document.add_paragraph("附件1")
    title = document.add_paragraph("2021年科技活动周重点项目备案表")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].font.size = Pt(16)
    title.runs[0].bold = True
    key_project_table(document, PROJECTS[0], spaced=True)
    document.add_paragraph("")
    # The second project: name typed as "项目名称：…" in one cell, and no 传真 row.
    key_project_table(document, PROJECTS[1], spaced=True, colon_name=True, with_fax=False)
    document.save("key-projects-nanle.docx")
    fixed_zip("key-projects-nanle.docx")


def wps_key_project():
    """WPS style: a one-column table, each line "标签：值" with full-width colons and ideographic
    spaces padding the short labels, one half-width colon; a run split mid-word."""
    project = dict(PROJECTS[0], projectName="科技助农直播间", venue="台前县打渔陈镇", organizer="台前县农业农村局")
    document = docx.Document()
    document.add_paragraph("附件1：科技活动周重点项目备案表")
    lines = [
        ("项目名称", project["projectName"]), ("主办单位", project["organizer"]), ("主管部门", project["supervisor"]),
        ("举办地点", project["venue"]), ("举办时间", project["time"]), ("项目负责人", project["leader"]),
        ("联 系 人", project["contact"]), ("地　　址", project["address"]), ("邮政编码", project["postcode"]),
        ("联系电话", project["phone"]), ("传　　真", project["fax"]), ("电子邮箱", project["email"]),
        ("活动经费", project["budget"]), ("拟参加人数", project["expectedParticipants"]), ("项目简介", project["description"]),
    ]
    table = document.add_table(rows=len(lines), cols=1)
    for index, (label, value) in enumerate(lines):
        paragraph = table.rows[index].cells[0].paragraphs[0]
        colon = ":" if label == "邮政编码" else "："
        paragraph.add_run(label[:2])
        paragraph.add_run(label[2:] + colon)   # a label split across runs, as editing leaves it
        paragraph.add_run(value.replace("\n", ""))
    document.save("key-project-taiqian-wps.docx")
    fixed_zip("key-project-taiqian-wps.docx")


def excel_open_institutions():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "附件2"
    sheet["A1"] = "附件2"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "参与开放活动的科研机构和高校院所备案表"
    sheet["A2"].font = Font(bold=True, size=16)
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A2:G2")
    sheet["A3"] = "单位（盖章）：清丰县科学技术协会"
    sheet.merge_cells("A3:G3")
    sheet.append(["序号", "单位名称", "开放时间", "开放内容", "具 体 地 址", "联系人", "联系方式"])
    rows = [
        [1, "清丰县农业科学研究所", datetime.date(2021, 5, 22), "小麦新品种试验田参观", "清丰县城关镇农科路8号", "周强", "0393-7221234"],
        [2, "濮阳职业技术学院清丰校区", datetime.date(2021, 5, 24), "机器人实验室开放日", "清丰县开州路99号", "陈静", 13903931234],
        [3, "清丰县气象局", "5月22日—28日", "气象观测站开放", "清丰县气象路2号", "刘洋", "0393-7225678"],
        [4, None, None, None, None, None, None],   # the template's numbered blank row
    ]
    for row in rows:
        sheet.append(row)
    for row in range(5, 8):
        sheet.cell(row=row, column=3).number_format = "yyyy-mm-dd"
    sheet["A10"] = "注：开放时间请写明具体日期。"
    sheet.merge_cells("A10:G10")
    workbook.save("open-institutions-qingfeng.xlsx")
    fixed_zip("open-institutions-qingfeng.xlsx")


def libreoffice_copies():
    """.doc and .xls as an office with an old Office would send them, made by LibreOffice."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: key-projects-nanle.doc and open-institutions-qingfeng.xls not regenerated")
        return
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        for source, target in [("key-projects-nanle.docx", "doc:MS Word 97"), ("open-institutions-qingfeng.xlsx", "xls:MS Excel 97")]:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", HERE, source], check=True, timeout=180, capture_output=True)


def zip_bomb():
    """An XLSX whose sheet unpacks to 30 MB of spaces from about 30 KB: far over the ratio cap."""
    with zipfile.ZipFile("zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        add = lambda name, text: archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), text, zipfile.ZIP_DEFLATED)
        add("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        add("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        add("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        add("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + " " * (30 << 20) + "</sheetData></worksheet>")


def word_with(document_xml, name):
    """A DOCX made by python-docx with its word/document.xml replaced."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml.encode() if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), data, zipfile.ZIP_DEFLATED)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def entity_bombs():
    laughs = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    word_with(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{laughs}]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>', "entity-bomb.docx")
    word_with(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>项目名称：&secret;</w:t></w:r></w:p></w:body></w:document>', "external-entity.docx")


def not_forms():
    with open("scanned-form.pdf", "wb") as pdf:
        pdf.write(b"%PDF-1.4\n% a scanned form stands in here: the reader must say it cannot read it\n%%EOF\n")


if __name__ == "__main__":
    word_key_projects()
    wps_key_project()
    excel_open_institutions()
    libreoffice_copies()
    zip_bomb()
    entity_bombs()
    not_forms()
    print("fixtures written to", HERE)
