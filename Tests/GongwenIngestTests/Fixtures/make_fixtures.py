#!/usr/bin/env python3
"""Builds the ingest fixtures from the seed notices in Corpus/notices.

Run from the package root:  python3 Tests/GongwenIngestTests/Fixtures/make_fixtures.py
Needs: python-docx (pip install python-docx), opencc-python-reimplemented (pip install
opencc-python-reimplemented). Output is deterministic (fixed zip timestamps), so re-running
gives the same bytes.

For every seed: (a) a realistic government HTML page (nav menu, breadcrumbs, share bar,
footer with 网站标识码/ICP) declared <meta charset="gbk"> and encoded GB18030 (identical to GBK
where every character is in GBK); (b) a .docx made by python-docx; (c) the plain text in
GB18030. Plus one seed in Traditional characters encoded Big5, one in UTF-16LE with BOM, a
hand-built .docx whose 一、/（一） come from Word numbering, and broken archives (zip bombs,
document.xml that is not XML). manifest.json lists fixture -> seed pairs for tests.
"""
import html
import io
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEEDS = os.path.join(ROOT, "Corpus", "notices")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)

# Per seed: page title, issuing site, publish date and how the page states it.
PAGES = {
    "000": ("关于印发自治区医药卫生体制五项重点改革2011年度主要工作安排的通知", "新疆维吾尔自治区人民政府", "2011-03-07", "PubDate", "div"),
    "001": ("关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知", "临沂市人民政府", "2012-08-03", "publishdate", "div"),
    "002": ("云南省巩固完善基本药物制度和基层运行新机制实施方案", "云南省人民政府", "2014-01-20", "article:published_time", "div"),
    "003": ("甘肃省深化医药卫生体制改革2016年重点工作任务", "甘肃省人民政府", "2016-07-01", "firstpublishedtime", "table"),
    "004": ("转发淄博市人民政府办公厅关于深化医药卫生体制改革重点工作任务分工的通知", "桓台县人民政府", "2013-07-15", "text", "div"),
}


def seeds():
    out = {}
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                out[name[:3]] = (name, f.read())
    return out


def meta_for(kind, date):
    if kind == "PubDate":
        return f'<meta name="PubDate" content="{date} 10:30">'
    if kind == "publishdate":
        return f'<meta name="publishdate" content="{date.replace("-", "")}">'
    if kind == "article:published_time":
        return f'<meta property="article:published_time" content="{date}T09:00:00+08:00">'
    if kind == "firstpublishedtime":
        return f'<meta name="firstpublishedtime" content="{date}-08:15:00">'
    return '<meta name="Maketime" content="">'  # no usable meta: the date is only in the page text


def html_page(key, text):
    title, site, date, kind, layout = PAGES[key]
    paras = "\n".join(f"<p>{html.escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>" for line in text.split("\n"))
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(
        ["首页", "政务公开", "政务服务", "互动交流", "走进" + site[:2], "专题专栏", "数据开放", "新闻中心"]))
    related = "".join(f'<li><a href="/zwgk/{i}.html">关于做好{y}年医药卫生体制改革重点工作的通知</a></li>'
                      for i, y in enumerate(range(2009, 2016)))
    info = f'<div class="info">发布日期：{date}　　来源：{site}办公厅　　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>'
    article = f'<div class="article-title"><h1>{html.escape(title)}</h1></div>\n{info}\n<div id="zoom" class="article-content TRS_Editor">\n{paras}\n</div>'
    if layout == "table":  # an older site laid out with tables
        article = (f'<table width="960" border="0" class="main-table"><tr><td class="title" align="center"><h1>{html.escape(title)}</h1></td></tr>'
                   f'<tr><td class="info">发布日期：{date}　来源：{site}办公厅</td></tr>'
                   f'<tr><td id="zoom" class="content">\n{paras}\n</td></tr></table>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{html.escape(title)}_{site}门户网站</title>
<meta name="SiteName" content="{site}门户网站">
<meta name="ColumnName" content="政府文件">
{meta_for(kind, date)}
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript">var siteName = "{site}"; document.write("<span>欢迎访问</span>");</script>
<style>.nav li {{ float: left; }} /* 导航样式 */</style>
</head>
<body>
<div class="top-bar"><div class="wrap">今天是：<span id="today"></span>　<a href="/wza/">无障碍</a> <a href="/en/">English</a> <a href="/login">登录</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{site}"><span>{site}</span></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav" id="nav"><ul>{nav}</ul></div>
<div class="main wrap">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/wj/">文件</a></div>
<div class="left-content">
<div class="article">
{article}
<div class="share-bar bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a> <a href="#" class="bds_tsina">新浪微博</a> <a href="#" class="bds_qzone">QQ空间</a>　<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
<div class="sidebar right"><h3>相关文件</h3><ul>{related}</ul></div>
</div>
<div class="footer"><div class="wrap">
<p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
<p>主办单位：{site}办公厅　承办单位：{site}信息中心</p>
<p>网站标识码：6500000001　新ICP备05000123号　公安机关备案号：65010202000123号</p>
<p>地址：人民路1号　邮编：830041　联系电话：0991-0000000</p>
</div></div>
<script src="/js/jquery.min.js"></script>
<script>$(function(){{ $("#today").text(new Date().toLocaleDateString()); }});</script>
</body>
</html>
"""
    return page


def plain_page(key, text):
    """An old-style page with no id/class hints at all: nav and footer are only told apart from the
    notice by link density and the clause/doc-number bonuses. Declares gb2312 (as many such sites do)."""
    title, site, date = PAGES[key][:3]
    body = "<br>\n".join(html.escape(line) for line in text.split("\n"))
    links = " | ".join(f'<a href="/c{i}.htm">{n}</a>' for i, n in enumerate(
        ["网站首页", "机构设置", "政务公开", "政策法规", "办事指南", "公众参与", "新闻动态", "联系我们"]))
    more = "".join(f'<tr><td><a href="/n{i}.htm">·关于开展{y}年度卫生工作检查的通知</a></td><td>{y}-05-0{i % 9 + 1}</td></tr>'
                   for i, y in enumerate(range(2005, 2013)))
    return f"""<HTML>
<HEAD>
<META http-equiv="Content-Type" content="text/html; charset=gb2312">
<TITLE>{html.escape(title)}</TITLE>
</HEAD>
<BODY bgcolor="#FFFFFF">
<TABLE width="778" align="center"><TR><TD><IMG src="/images/banner.jpg"></TD></TR>
<TR><TD align="center">{links}</TD></TR></TABLE>
<TABLE width="778" align="center"><TR>
<TD width="200" valign="top"><TABLE>{more}</TABLE></TD>
<TD valign="top"><FONT size="3"><B>{html.escape(title)}</B></FONT><BR>
发布日期：{date}<BR><HR>
{body}
</TD></TR></TABLE>
<TABLE width="778" align="center"><TR><TD align="center">{links}<BR>
版权所有：{site}办公厅　技术支持：信息中心　网站标识码：5300000035<BR>滇ICP备05000678号</TD></TR></TABLE>
</BODY>
</HTML>
"""


def fixed_zip(path, members):
    """Writes a zip with fixed timestamps; members = [(name, bytes)]."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def normalize_zip(path):
    """Rewrites a zip (e.g. from python-docx) with fixed timestamps so fixtures are reproducible."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    fixed_zip(path, members)


def make_docx(path, text):
    import docx
    d = docx.Document()
    import datetime
    d.core_properties.created = datetime.datetime(2020, 1, 1)
    d.core_properties.modified = datetime.datetime(2020, 1, 1)
    for line in text.split("\n"):
        d.add_paragraph(line)  # python-docx turns \t into <w:tab/>
    d.save(path)
    normalize_zip(path)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%4"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def numbered_docx(path, expected_path):
    """一、/（一）/1./① generated by Word numbering, a table, a field, a deletion, a bookmark."""
    def p(text, num=None, lvl=0):
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'

    def cell(text):
        return f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{p(text)}</w:tc>'

    body = [
        p("某某市人民政府办公室关于印发深化医药卫生体制改革重点工作任务的通知"),
        # a doc number split over runs, with a bookmark and a deleted revision in between
        '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>某政办发〔2013〕</w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>99</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>57</w:t></w:r></w:ins><w:r><w:t>号</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
        p("加快健全全民医保体系", 1, 0),
        p("巩固扩大基本医保覆盖面。（市人社局、市卫生局负责）", 1, 1),
        p("提高基本医疗保障水平。", 1, 1),
        p("政策范围内住院费用报销比例达到75%左右。", 1, 2),
        p("门诊统筹覆盖所有统筹地区。", 1, 2),
        p("城镇居民医保", 1, 3),
        p("新农合", 1, 3),
        p("巩固完善基本药物制度", 1, 0),
        p("扩大基本药物制度实施范围。（市卫生局牵头，市发改委、市财政局配合）", 1, 1),
        # tab and line break inside a run; a field whose instruction must not show
        '<w:p><w:r><w:t>联系人：</w:t><w:tab/><w:t>张三</w:t><w:br/><w:t>电话：</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12345</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
        f'<w:tr>{cell("工作任务")}{cell("牵头单位")}</w:tr>'
        f'<w:tr>{cell("推进公立医院改革")}{cell("市卫生局")}</w:tr></w:tbl>',
        p("强化组织领导", 2, 0),
        # hidden text (w:vanish) is not shown to the reader
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注文字</w:t></w:r><w:r><w:t>（此件公开发布）</w:t></w:r></w:p>',
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ]
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    expected = "\n".join([
        "某某市人民政府办公室关于印发深化医药卫生体制改革重点工作任务的通知",
        "某政办发〔2013〕57号",
        "一、加快健全全民医保体系",
        "（一）巩固扩大基本医保覆盖面。（市人社局、市卫生局负责）",
        "（二）提高基本医疗保障水平。",
        "1. 政策范围内住院费用报销比例达到75%左右。",
        "2. 门诊统筹覆盖所有统筹地区。",
        "①城镇居民医保",
        "②新农合",
        "二、巩固完善基本药物制度",
        "（一）扩大基本药物制度实施范围。（市卫生局牵头，市发改委、市财政局配合）",
        "联系人：\t张三\n电话：12345",
        "工作任务\t牵头单位",
        "推进公立医院改革\t市卫生局",
        "九、\t强化组织领导",
        "（此件公开发布）",
    ])
    fixed_zip(path, [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                     ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", document),
                     ("word/numbering.xml", NUMBERING)])
    with open(expected_path, "w", encoding="utf-8") as f:
        f.write(expected)


def bomb(path, lie_about_size):
    """A .docx-shaped zip whose document.xml inflates from ~20 KB to 20 MB. With `lie_about_size`
    the headers claim 1,000 bytes, so only a streaming byte count catches it."""
    payload = b'<?xml version="1.0"?><w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>' + b" " * (20 << 20)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("word/document.xml", FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, payload)
    data = bytearray(buf.getvalue())
    if lie_about_size:
        real = len(payload).to_bytes(4, "little")
        fake = (1000).to_bytes(4, "little")
        n = data.count(real)
        assert n == 2, n  # local header and central directory
        data = data.replace(real, fake)
    with open(path, "wb") as f:
        f.write(bytes(data))


def main():
    out = HERE
    manifest = []
    s = seeds()
    for key, (name, text) in s.items():
        page = html_page(key, text).encode("gb18030")
        with open(os.path.join(out, f"{key}.gbk.html"), "wb") as f:
            f.write(page)
        title, site, date = PAGES[key][:3]
        manifest.append({"file": f"{key}.gbk.html", "seed": name, "format": "html", "encoding": "GB18030", "script": "Hans",
                         "page_title": f"{title}_{site}门户网站", "page_published": date})
        make_docx(os.path.join(out, f"{key}.docx"), text)
        manifest.append({"file": f"{key}.docx", "seed": name, "format": "docx", "encoding": "UTF-8", "script": "Hans"})
        with open(os.path.join(out, f"{key}.gb18030.txt"), "wb") as f:
            f.write(text.encode("gb18030"))
        manifest.append({"file": f"{key}.gb18030.txt", "seed": name, "format": "text", "encoding": "GB18030", "script": "Hans"})

    name, text = s["002"]
    with open(os.path.join(out, "002.plain.html"), "wb") as f:
        f.write(plain_page("002", text).encode("gb18030"))
    manifest.append({"file": "002.plain.html", "seed": name, "format": "html", "encoding": "GB18030", "script": "Hans",
                     "page_title": PAGES["002"][0], "page_published": PAGES["002"][2]})

    # Big5: seed 004 converted to Traditional characters; keep only what Big5 encodes losslessly
    import opencc
    name, text = s["004"]
    trad = opencc.OpenCC("s2tw").convert(text).replace("\u00a0", " ")
    unencodable = sorted({c for c in trad if not c.encode("big5", errors="ignore")})
    if unencodable:
        sys.exit(f"Big5 cannot encode {unencodable}; adjust the conversion")
    big5 = trad.encode("big5")
    assert big5.decode("big5") == trad, "Big5 round trip is not lossless"
    with open(os.path.join(out, "004.big5.txt"), "wb") as f:
        f.write(big5)
    with open(os.path.join(out, "004.zh-Hant.utf8.txt"), "w", encoding="utf-8") as f:
        f.write(trad)
    manifest.append({"file": "004.big5.txt", "seed": name, "format": "text", "encoding": "Big5", "script": "Hant",
                     "expected": "004.zh-Hant.utf8.txt"})

    name, text = s["001"]
    with open(os.path.join(out, "001.utf16le.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    manifest.append({"file": "001.utf16le.txt", "seed": name, "format": "text", "encoding": "UTF-16LE", "script": "Hans"})

    numbered_docx(os.path.join(out, "numbered.docx"), os.path.join(out, "numbered.expected.txt"))
    bomb(os.path.join(out, "bomb.docx"), lie_about_size=False)
    bomb(os.path.join(out, "bomb-lying.docx"), lie_about_size=True)
    fixed_zip(os.path.join(out, "notxml.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                                  ("word/document.xml", "这不是XML <w:p> & 文档")])
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
