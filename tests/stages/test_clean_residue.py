"""Residue shapes of outlets the rules were not written from: for every class, variants written
for these tests (bylines, date lines, "Related:", "Read more", tables of contents, copyright
lines, author bios, picture credits inside a paragraph, share and subscribe lines, lists of other
headlines, navigation, dates of other stories, page chrome). Each variant stands between two body
paragraphs (or where such residue stands on a page) and must go; the body must stay whole. A
second list holds body sentences that look like residue and must stay."""
import pytest

from nkevents.model import Document
from nkevents.stages import clean

P1 = ("A source in North Hamgyong Province said on Monday that the provincial court held an open "
      "trial at a cultural hall in Chongjin on Nov. 10.")
P2 = ("He said four residents were sentenced to between two and seven years in prison for selling "
      "foreign mobile phones to smugglers.")
P3 = ("Residents say the trial was meant to frighten people living near the border, where "
      "smuggling has continued despite the closure.")


def cleaned(raw: str, **meta) -> Document:
    return clean.run(Document(raw=raw, **meta))


def assert_gone(residue: str, doc: Document) -> None:
    assert residue not in doc.text, doc.text
    for p in (P1, P2, P3):
        assert p in doc.text, (p, doc.text)


def between(residue: str) -> Document:
    return cleaned(f"{P1}\n\n{residue}\n\n{P2}\n\n{P3}")


def at_the_end(residue: str) -> Document:
    return cleaned(f"{P1}\n\n{P2}\n\n{P3}\n\n{residue}")


def at_the_top(residue: str) -> Document:
    return cleaned(f"{residue}\n\n{P1}\n\n{P2}\n\n{P3}", title="Court in Chongjin tries phone sellers")


BYLINES = [
    "By Kim Min-ji, The Associated Press",
    "BY JANE DOE | Korea JoongAng Daily",
    "By Lee Ha-eun and Park Soo-min",
    "Reporter Choi Jin-woo",
    "Posted by admin on March 5, 2021",
    "Kim Min-ji, Staff Reporter",
    "Jane Doe Seoul Correspondent",
    "By Ahn Sung-mi (sungmi@example.com)",
    "Jane Doe (@janedoe_news) Published March 3, 2023 | 08:15 AM",
    "Written by: Park Ji-hoon",
    "Reported by Kim Ji-eun for RFA's Korean Service. Translated by Leejin Jun. Written in English by Jane Doe.",
    "Additional reporting by John Smith; Editing by Jane Roe",
    "By Jane Doe • March 5, 2021",
    "By Jane Doe, Reuters | Updated 2 hours ago",
    "BY JANE DOE [doe.jane@example.com]",
    "Kim Min-ji kimmj@example.co.kr",
    "— Jane Doe",
]

DATE_LINES = [
    "Published: 10:32 GMT, 5 March 2013",
    "Mar. 5, 2021 at 10:32 a.m. ET",
    "Updated 2021.03.05 10:32 KST",
    "Posted : 2021-03-05 10:32 | Updated : 2021-03-05 10:45",
    "Last modified on Mon 5 Mar 2021 10.45 GMT",
    "Thursday 5 March 2021 10.32 GMT",
    "2021-03-05T10:32:00Z",
    "Published - March 05, 2021 07:32 pm IST - SEOUL",
    "March 5, 2021",
    "5 Mar 2021",
    "Updated: Mar 05, 2021 10:32 IST",
    "2 hours ago",
    "Issued on: 05/03/2021 - 10:32",
    "Page last updated at 10:32 GMT, Friday, 5 March 2010",
]

RELATED = [
    "RELATED: Hyesan tightens border patrols after defection",
    "Read more: Rice prices climb again in Sinuiju markets",
    "▶ See also | Smugglers face military tribunals in border towns",
    "Also read: North Korea orders new lockdown in Kaesong",
    "[Related] Teenagers sentenced for watching foreign films",
    "Related coverage: How the border closure changed the markets",
]

READ_MORE = [
    "Read more",
    "Continue reading →",
    "Read the full story at example.com",
    "Click here to read more",
    "Read more »",
    "View original",
]

COPYRIGHT = [
    "© 2021 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "(c) 2021 Yonhap News Agency",
    "Copyright ⓒ Example Daily. All rights reserved.",
    "ⓒ Korea JoongAng Daily",
    "Copyrights ⓒ Example News & example.com, Unauthorized reproduction and redistribution prohibited",
    "Copyright 2022 Example Media Group. Used with permission.",
    "This article was originally published by Daily NK.",
    "Reprinted with permission of Radio Free Asia.",
    "(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)",
    "Associated Press writer Jane Doe in Seoul contributed to this report.",
    "(This story has been refiled to correct a typo in paragraph 3)",
    "Editor's note: This story has been updated with comments from the Unification Ministry.",
    "*This article was translated from Korean.",
    "This is an English translation of an article first published in Korean.",
    "Click here for the Korean version",
    "This entry was posted on Wednesday, December 17th, 2008 at 3:00 pm and is filed under Food. You can follow any responses to this entry through the RSS 2.0 feed.",
    "Both comments and pings are currently closed.",
    "example.co.uk © Example Media Limited 2011",
    "[ⓒ Daily Example, All Rights Reserved]",
    "<All rights reserved by Example News Agency>",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Original reporting in Korean by Jane Doe. Korean service director: John Roe. Translated by Sam Lee. Written for the Web in English by Ann Kim.",
    "On the Net: Example agency: http://example.com",
    "Follow our coverage of North Korea at https://example.com/north-korea",
    "googletag.cmd.push(function() { googletag.display('ad-slot-2'); });",
]

BIOS = [
    "Jane Doe is a reporter at Example News covering North Korea's economy.",
    "The writer is a professor of political science at Example University.",
    "About the author: Kim Min-ji covers inter-Korean affairs for Example News.",
    "She can be reached at jane@example.com.",
    "Follow Jane Doe on Twitter.",
    "Jane Doe writes about North Korea and the Korean Peninsula.",
]

CREDITS_ALONE = [
    "Kyodo News via AP",
    "AP Photo/Lee Jin-man",
    "Reuters/Kim Hong-Ji",
    "AFP via Getty Images",
    "Credit: Jane Doe",
    "Yonhap file photo",
    "(KCNA/Yonhap)",
    "[Captured from KCTV]",
    "[Photo : Example News]",
    "Photo: KCNA",
    "Image credit: Kyodo News/AFP/Getty Images",
    "Video provided to the BBC by a research institute / BBC News",
    "Image source, Getty Images",
    "[Yonhap photo]",
    "Photographed by a reporting partner in 2019",
]

CAPTIONS = [
    "Soldiers march in Kim Il Sung Square in Pyongyang in this undated photo.",
    "This photo, carried by the Korean Central News Agency on Nov. 10, 2023, shows a farm in South Hwanghae Province.",
    "A street in Hyesan seen from the Chinese side of the Yalu River. File Photo by John Smith/UPI | License Photo",
    "(Photo) Vendors wait for buyers at a market in Hyesan, seen from China. March 2021 (ASIAPRESS)",
    "Kim Jong Un speaks at a party meeting in Pyongyang in this image released on March 5, 2021. KCNA via REUTERS",
    "Workers repair a flooded road in Sinuiju. (Rodong Sinmun-News1)",
    "market-305.jpg Vendors wait for buyers at a market in Sinuiju.",
    "Image caption, Officials inspect flood damage in Sinuiju",
    "Kim Jong Un at a party meeting in Pyongyang | KCNA",
    "Workers repair a dam in Sinuiju. The dam broke in the floods of 2010. Image: Example Agency",
    "Soldiers guard the bridge in Sinuiju in this photo released on May 3. Credit: KCNA via Reuters",
    "Soldiers guard the bridge over the Tumen River near Hoeryong. AP Photo",
    "Vendors sell vegetables at a market in Hyesan in 2019. (ASIAPRESS)",
    "Kim Jong Un inspects a greenhouse farm in South Hamgyong Province.\nPhoto: KCNA",
]

SHARE = [
    "Share this:",
    "Click to share on Twitter (Opens in new window)",
    "Like Loading...",
    "Share on Facebook | Share on Twitter | Email",
    "Subscribe to our newsletter for the latest on North Korea",
    "Get our free daily newsletter",
    "Join us on Telegram",
    "Download the Example News App for daily updates",
    "Enjoying this article? Click here to subscribe for full access.",
    "Good journalism costs money. Your support keeps our reporters in the field.",
    "Subscribe now to continue reading",
    "Share this via Facebook Share this via Twitter Share this via Email Other ways to share",
    "Catch all the latest news and updates on Example News.",
    "This article is more than 3 years old",
]

CHROME = [
    "Text size + -",
    "Menu",
    "Skip to main content",
    "Advertisement - Scroll to continue",
    "Story continues below advertisement",
    "Print | Email | Reprints",
    "Listen to this article",
    "Media playback is unsupported on your device",
    "Privacy Policy | Terms of Use | Contact Us",
    "Page 1 of 3",
    "« Previous | Next »",
    "Tags: North Korea, markets, rice",
    "Filed under: Asia",
    "#NorthKorea #Pyongyang #Markets",
    "We use cookies to improve your experience. By continuing to use this site, you agree to our use of cookies.",
    "Leave a comment",
    "12 Comments",
    "[email protected]",
    "E-mail this to a friend   Printable version",
    "Reading time: 3 minutes",
    "4 min read",
    "Exclusive",
    "News Analysis",
    "Bookmark with: Delicious Digg reddit Facebook StumbleUpon What are these?",
    "메뉴 바로가기",
    "north-korea-court-trial-chongjin",
    "Associated Press",
    "The Korea Herald",
]

NAVIGATION = [
    "News | World | Asia | North Korea",
    "Home › Politics › Defense",
    "You are here: Home > News > North Korea",
    "MORE NEWS >>",
    "[Analysis]",
]


@pytest.mark.parametrize("residue", BYLINES + DATE_LINES + CREDITS_ALONE + CHROME + NAVIGATION)
def test_residue_at_the_top_is_removed(residue):
    assert_gone(residue, at_the_top(residue))


@pytest.mark.parametrize("residue", RELATED + READ_MORE + COPYRIGHT + SHARE + CHROME + CAPTIONS + CREDITS_ALONE)
def test_residue_between_paragraphs_is_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("residue", COPYRIGHT + BIOS + SHARE + READ_MORE + NAVIGATION + BYLINES[-2:])
def test_residue_at_the_end_is_removed(residue):
    assert_gone(residue, at_the_end(residue))


def test_credit_alone_takes_its_caption_below():
    doc = between("Getty Images\n\nMourners gather at a statue in Pyongyang on Dec. 19, 2021.")
    assert "Mourners gather" not in doc.text and "Getty Images" not in doc.text
    assert P1 in doc.text and P2 in doc.text


# ---------------------------------------------------------------- lists of other stories

def test_list_of_headlines_with_their_dates_is_removed():
    items = ["Mar 5, 2021 | Smugglers face military tribunals in border towns",
             "Mar 4, 2021 | Rice prices climb again in Sinuiju markets",
             "Mar 2, 2021 | Teenagers sentenced for watching foreign films"]
    doc = at_the_end("\n".join(items))
    for item in items:
        assert item not in doc.text


def test_list_of_headlines_separated_by_their_dates_is_removed():
    raw = (f"{P1}\n\n{P2}\n\nMost Read\n\nSmugglers face military tribunals in border towns\n"
           "2 hours ago\n\nRice prices climb again in Sinuiju markets\n5 hours ago\n\n"
           "Teenagers sentenced for watching foreign films\nMarch 3, 2021\n")
    doc = cleaned(raw)
    assert doc.text == f"{P1}\n\n{P2}"


def test_bulleted_list_of_headlines_with_rubrics_is_removed():
    items = ["• [Inside North Korea] \"We have nothing left\"... Farmers Flee Collective Farms",
             "• [Inside North Korea] Border Guards Ordered to Shoot Smugglers on Sight",
             "• [Analysis] Why the Regime Fears Foreign Dramas"]
    doc = at_the_end("\n".join(items))
    for item in items:
        assert item not in doc.text


def test_newsletter_table_of_contents_in_groups_is_removed():
    toc = ("[In This Issue]\nFood Rations Cut for Factory Workers in Hamhung\n"
           "Inspection Team Sent to Hyesan Markets\n\nFarm Mobilization Starts Early This Year\n\n"
           "Phone Crackdown Widens in Border Towns\n\nFlood Damage Reported in Sinuiju")
    doc = cleaned(f"{toc}\n\n{P1}\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"


def test_headline_of_another_story_in_capitals_is_removed():
    other = "OFFICIALS CONDEMN MISSILE LAUNCH, SEEK RETURN TO TALKS"
    doc = between(other)
    assert other not in doc.text


def test_footer_links_wedged_between_residue_go_with_it():
    raw = (f"{P1}\n\n{P2}\n\nRelated stories\nRice prices climb again in Sinuiju markets\n"
           "About our reporters\nALL REPORTS >>\nMAP >>")
    assert cleaned(raw).text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("items", [
    ["Our Mission", "Annual Reports", "Donate Today", "Who We Are"],
    ["Programs", "Get Involved", "Press Room"],
    ["Defector Stories", "Events Calendar"],
])
def test_menu_items_between_interface_labels_go_before_the_title_is_chosen(items):
    menu = "\n\n".join(["MENU", "Home", *items, "Contact Us"])
    raw = f"Search this website\n..\n\n{menu}\n\nCourt in Chongjin Tries Phone Sellers\n\n{P1}\n\n{P2}"
    doc = cleaned(raw)
    assert doc.title == "Court in Chongjin Tries Phone Sellers"
    assert doc.text == f"{P1}\n\n{P2}"


def test_a_short_title_between_interface_labels_stays_the_title():
    # one short line between labels is not a menu: it is the page's headline
    raw = f"Home\n\nTrial in Chongjin\n\nShare this article\n\n{P1}\n\n{P2}"
    doc = cleaned(raw)
    assert doc.title == "Trial in Chongjin"
    assert doc.text == f"{P1}\n\n{P2}"


def test_a_run_of_footer_links_between_residue_goes_but_a_sentence_breaks_it():
    links = "Our Staff\nWork With Us\nAnnual Review\nRegional Offices"
    assert cleaned(f"{P1}\n\n{P2}\n\nAbout us\n{links}\nPrivacy policy").text == f"{P1}\n\n{P2}"
    # a sentence inside the run keeps the short lines around it
    kept = cleaned(f"{P1}\n\nAbout us\nOur Staff\n{P3}\nWork With Us\nPrivacy policy\n\n{P2}")
    assert P3 in kept.text and P2 in kept.text


# ---------------------------------------------------------------- residue inside a paragraph

@pytest.mark.parametrize("inline, kept", [
    (" [Example report]", "the court [Example report] sentenced"),
    (" [official website]", "the agency [official website] said"),
    (" (search)", "in North Korea (search) on March"),
    (" (AP Photo/Lee Jin-man)", "the square (AP Photo/Lee Jin-man) where"),
    (" [Image source=broadcast capture]", "the hall [Image source=broadcast capture] and"),
    (" (Photo: Daily NK)", "the market (Photo: Daily NK) as"),
    (" (Yonhap file photo)", "the border (Yonhap file photo) where"),
    (" [Click to enlarge]", "the square [Click to enlarge] where"),
])
def test_credit_or_link_label_inside_a_paragraph_is_cut_out(inline, kept):
    before, after = kept.split(inline.strip())
    sentence = f"Officials said {before.strip()}{inline} {after.strip()} hundreds of residents watched."
    doc = cleaned(f"{P1}\n\n{sentence}\n\n{P2}")
    assert inline.strip() not in doc.text
    assert f"Officials said {before.strip()} {after.strip()} hundreds of residents watched." in doc.text
    assert any(r.text == inline.strip() for r in doc.removed)


def test_share_buttons_and_usage_note_glued_to_a_paragraph_are_cut_out():
    line = f"{P1} Source: Example Wire Monday, March 5, 2021 | 09:09 Tweet Share EPA-EFE/KCNA EDITORIAL USE ONLY"
    doc = cleaned(f"{line}\n\n{P2}")
    assert "Tweet Share" not in doc.text and "EDITORIAL USE ONLY" not in doc.text
    assert P1 in doc.text and P2 in doc.text


def test_agency_notes_to_editors_are_cut_out():
    line = ("Officials inspect a farm in this image released on March 5, 2021. ATTENTION EDITORS - THIS "
            "IMAGE WAS PROVIDED BY A THIRD PARTY. NO THIRD PARTY SALES. SOUTH KOREA OUT.")
    doc = between(line)
    assert "ATTENTION EDITORS" not in doc.text and "SOUTH KOREA OUT" not in doc.text


def test_paragraph_closed_by_a_picture_credit_loses_the_credit_only():
    para = f"{P2} {P3} Image: Example Agency"
    doc = cleaned(f"{P1}\n\n{para}")
    assert doc.text == f"{P1}\n\n{P2} {P3}"


def test_image_file_name_glued_to_a_sentence_is_cut_out():
    doc = cleaned(f"{P1}\n\nhotel-305.jpgMultiple sources said the hotel was finished.\n\n{P2}")
    assert "Multiple sources said the hotel was finished." in doc.text and ".jpg" not in doc.text


def test_read_more_at_the_end_of_an_excerpt_is_cut_out():
    doc = cleaned(f"{P1}\n\n{P2} … Read more »")
    assert doc.text == f"{P1}\n\n{P2}"


# ---------------------------------------------------------------- body that looks like residue

@pytest.mark.parametrize("sentence", [
    "By Friday, all the smugglers had been released.",
    "Reporter Kim said the market was closed.",
    "Copyright of the films was not the issue, the source said.",
    "Share prices of companies trading with the North fell, the source said.",
    "Related to the crackdown, three officials were dismissed in March.",
    "More than 30 people were arrested on March 5, 2021, in Hyesan.",
    "The photo by the source showed soldiers guarding the bridge.",
    "Residents must subscribe to the party newspaper, the source said.",
    "Kim Min-ji is a researcher at a state institute who was arrested in May.",
    "Home searches were carried out in Sunam District.",
    "Published reports said the trial was held in secret.",
    "Tags were attached to the bodies, a witness said.",
    "North Korea has closed the border, Reuters reported.",
    "Daily NK reported the arrests on Monday.",
    "Source: a resident of Hyesan who asked not to be named.",
    "The authorities said the executions were a warning to others.",
    "Officials at the People's Committee said food would be distributed on March 5.",
    "Rice: 5,000 won, corn: 2,100 won, pork: 14,000 won.",
    "The women were sentenced to five years; the men were executed.",
    "Reproduction of the films is prohibited under the new law, the source said.",
    "Copying South Korean songs is strictly prohibited in North Korea.",
    "Residents who found this article in a smuggled newspaper were arrested.",
    "Members of the inspection team searched homes in Hyesan.",
    "This is the second public execution in the city this year, the source said.",
    "Large crowds were forced to watch the trial.",
    "A photo of the leader must hang in every home, the source said.",
    "A view of the execution site was blocked by soldiers.",
    "Images of the trial were shown on state TV in Pyongyang, North Korea, on Jan. 5, 2024, the ministry said.",
    "Above all, residents fear the new inspection teams.",
])
def test_body_sentences_that_look_like_residue_stay(sentence):
    doc = between(sentence)
    assert sentence in doc.text, [r for r in doc.removed]


def test_section_heading_of_the_body_stays_with_its_paragraph():
    raw = f"{P1}\n\nMarkets reopen\n{P2}\n\n{P3}"
    assert "Markets reopen" in cleaned(raw).text


def test_list_in_the_body_introduced_by_a_colon_stays():
    items = "- Selling South Korean dramas on USB sticks\n- Using Chinese mobile phones near the border\n" \
            "- Crossing the river to trade with smugglers"
    raw = f"{P1}\n\nThe residents were accused of:\n{items}\n\n{P2}"
    assert items.split("\n")[0] in cleaned(raw).text


def test_wire_dateline_of_another_story_goes_with_its_headline():
    raw = (f"SEOUL, March 5 (Yonhap) -- {P1}\n\n{P2}\n\n{P3}\n\nSouth Korea reports rise in defectors\n"
           "SEOUL, March 6 (Yonhap) -- The number of defectors arriving in the South rose last year.")
    doc = cleaned(raw)
    assert doc.text == f"SEOUL, March 5 (Yonhap) -- {P1}\n\n{P2}\n\n{P3}"


def test_report_opening_with_its_own_wire_dateline_after_a_deck_keeps_it():
    raw = (f"Officials were told to watch the trial closely\n\nSEOUL, March 5 (UPI) -- {P1}\n\n{P2}")
    assert f"SEOUL, March 5 (UPI) -- {P1}" in cleaned(raw).text


def test_bare_name_beside_a_newsroom_role_is_a_byline():
    doc = at_the_top("Jane Doe\nStaff Reporter")
    assert "Jane Doe" not in doc.text and "Staff Reporter" not in doc.text


def test_caption_repeated_as_alt_text_above_its_credited_copy_goes_too():
    alt = "Public notices are posted next to a military outpost on the Yalu River."
    doc = between(f"{alt}\n{alt} File Photo by John Smith/UPI | License Photo")
    assert alt not in doc.text


def test_read_the_full_story_pointer_takes_the_story_card_below():
    raw = (f"{P1}\n\n{P2}\n\nRead the full story here:\nFarmers Ordered to Hand Over Extra Grain\n"
           "Daily NK\nJane Doe\n2008-12-17")
    assert cleaned(raw).text == f"{P1}\n\n{P2}"


def test_courtesy_credit_and_closing_reporter_name_are_cut_out():
    doc = cleaned(f"{P1}\n\nThe hall (Courtesy of Example Group) was full. {P2} (Kang Ji-won)")
    assert doc.text == f"{P1}\n\nThe hall was full. {P2}"


def test_caption_sentence_between_the_header_and_its_credit_goes():
    raw = (f"By Jane Doe\nMarch 5, 2021\nSoldiers marched through Kim Il Sung Square on Oct. 10, 2020.\n"
           f"Photo: KCNA\n\n{P1}\n\n{P2}")
    assert cleaned(raw).text == f"{P1}\n\n{P2}"


def test_body_sentence_above_a_credit_inside_the_body_stays():
    raw = f"{P1}\n\n{P2}\nPhoto: KCNA\n\n{P3}"
    assert P2 in cleaned(raw).text


@pytest.mark.parametrize("glued", [" Advertisement", " Story continues below advertisement", " (File Photo)"])
def test_advertisement_label_and_file_photo_note_between_sentences_are_cut_out(glued):
    doc = cleaned(f"{P1}{glued} {P2}\n\n{P3}")
    assert doc.text == f"{P1} {P2}\n\n{P3}"


def test_related_link_closing_a_paragraph_is_cut_out():
    doc = cleaned(f"{P1} RELATED: Smugglers face military tribunals in border towns\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"


def test_two_headlines_closing_the_page_are_removed():
    doc = at_the_end("Smugglers face military tribunals in border towns\nRice prices climb again in Sinuiju markets")
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_one_heading_closing_the_page_stays():
    assert "Markets reopen in Hyesan after the lockdown" in at_the_end("Markets reopen in Hyesan after the lockdown").text


def test_copy_of_the_title_with_the_site_name_is_removed():
    doc = cleaned(f"{P1}\n\nCourt in Chongjin tries phone sellers - Example Times\n\n{P2}",
                  title="Court in Chongjin tries phone sellers")
    assert "Example Times" not in doc.text and P2 in doc.text


def test_advertisement_label_opening_a_paragraph_is_cut_out():
    doc = cleaned(f"{P1}\n\nAdvertisement {P2}")
    assert doc.text == f"{P1}\n\n{P2}"


def test_heading_and_cut_off_last_sentence_of_a_truncated_page_stay():
    tail = ("Markets reopen in Hyesan\nWhile the authorities also told residents to prepare for "
            "a long closure of the border and more inspections of the markets in the city, the source")
    doc = at_the_end(tail)
    assert "While the authorities also told residents" in doc.text


@pytest.mark.parametrize("caption", ["Kim Jong Un inspects a greenhouse farm. (KCNA)",
                                     "Vendors wait for buyers at a market in Hyesan. Image: Daily NK"])
def test_caption_and_credit_glued_before_a_paragraph_are_cut_out(caption):
    doc = cleaned(f"{P1}\n\n{caption} {P2}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_wire_dateline_with_agency_in_brackets_stays():
    para = f"SEOUL, March 5 (Yonhap) -- {P2}"
    assert para in cleaned(f"{P1}\n\n{para}").text


def test_menu_of_capitalized_section_names_is_removed():
    menu = "Home News Politics Economy Society Culture Sports Opinion Photos Videos"
    doc = between(menu)
    assert menu not in doc.text


def test_heading_in_title_case_inside_the_body_stays():
    heading = "Border Guards Rotated After Defection"
    assert heading in cleaned(f"{P1}\n\n{heading}\n{P2}").text


# ---------------------------------------------------------------- residue of other outlets
# More shapes of the same classes, in the words other sites use; each list is followed by body
# sentences that look like them and must stay.

MORE_BYLINES = [
    "by Jane Doe",
    "Reporters: Kim Min-ji, Lee Ha-eun",
    "Posted By: Jane Doe",
    "Correspondent Jane Doe",
    "By Jane Doe and agencies",
    "Jane Doe Staff writer",
    "JANE DOE, Staff reporter",
    "Jane Doe, AFP",
    "Jane Doe, Korea JoongAng Daily",
    "Jane Doe @janedoe",
    "Edited by: Jane Doe",
    "Translation: Jane Doe",
    "Translator: Jane Doe",
    "Editor: Jane Doe",
    "(Translated by Jane Doe)",
]

MORE_DATE_LINES = [
    "Publication date: March 5, 2021",
    "Date of publication: 5 March 2021",
    "Updated on: March 05, 2021 / 10:32 AM / CBS News",
    "Yesterday",
    "Just now",
]

MORE_LINKS = [
    "Related Story: North Korea executes two for smuggling",
    "MORE: North Korea executes two for smuggling",
    "Previous post: North Korea executes two for smuggling",
    "Next Article North Korea executes two for smuggling",
    "Up next: North Korea executes two for smuggling",
    "Most Read Stories",
    "What's trending",
    "Editors' Picks",
    "More stories from Example News",
    "Must Read",
    "Keep reading",
    "Continue reading the main story",
    "Click here for more",
    "Read the full article on Example News",
    "Hear this story",
    "« North Korea executes two for smuggling",
    "North Korea executes two for smuggling »",
    "View all posts by Jane Doe",
    "All articles by Jane Doe",
    "Follow @janedoe on Twitter",
]

MORE_NOTICES = [
    "Unauthorized reproduction and redistribution prohibited",
    "Reproduction in whole or in part without permission is prohibited.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Any reproduction or distribution without permission is prohibited.",
    "Content is copyright of Example News",
    "Please direct any comments to jane@example.com",
    "Comments or questions? Email jane@example.com",
    "Got a tip? Send it to tips@example.com",
    "Email: jane@example.com",
    "Author bio: Jane Doe covers North Korea.",
    "Editor's note",
    "Update: This story has been updated with a statement from the ministry.",
    "This is a developing story and will be updated.",
    "This article was produced in partnership with Example Foundation.",
    "This report was supported by a grant from the Example Fund.",
    "This story is a collaboration between Example News and Example Times.",
    "A version of this article appeared in print on March 5, 2021.",
]

MORE_CREDITS = [
    "/ AFP",
    "Photo/KCNA",
    "REUTERS/Kim Hong-Ji",
    "Courtesy of KCNA",
    "Handout photo",
    "Screengrab: KCTV",
    "Satellite imagery: Planet Labs",
    "North Korean leader Kim Jong Un visits a farm. [KCNA]",
    "North Korean leader Kim Jong Un visits a farm. (Photo provided by KCNA)",
    "North Korean leader Kim Jong Un visits a farm. Korean Central News Agency/Korea News Service via AP",
    "A North Korean soldier looks on. File Photo",
    "A North Korean soldier looks on - AFP",
    "Kim Jong Un visits a farm. Graphic by Jane Doe",
]

MORE_PROMPTS = [
    "Share via Email",
    "Font Size A A A",
    "Copy URL",
    "Link copied to clipboard",
    "Gift this article",
    "Write a comment",
    "Sign in to comment",
    "OK, got it",
    "Get the Example News newsletter in your inbox.",
    "Want the latest on North Korea? Sign up for our newsletter.",
    "Support Example News",
    "If you value our reporting, please consider making a donation.",
    "Become a patron",
    "Already have an account? Sign in",
    "You have reached your limit of free articles.",
    "Thanks for reading!",
    "Tagged: North Korea, executions",
    "Posted in North Korea, Human Rights",
    "TAGS North Korea Kim Jong Un executions",
    "Human Rights",
    "Asia-Pacific",
    "Politics Economy Society Culture Sports",
]

MORE_BIOS = [
    "Jane Doe is a reporter at Example News. She covers North Korean politics and the economy.",
    "Jane Doe covers North Korea for Example News.",
    "Jane Doe is Example News' Seoul correspondent.",
    "Jane Doe is an analyst at Example Institute.",
]


@pytest.mark.parametrize("residue", MORE_BYLINES + MORE_DATE_LINES + MORE_LINKS + MORE_NOTICES
                         + MORE_CREDITS + MORE_PROMPTS)
def test_residue_of_other_outlets_between_paragraphs_is_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("residue", MORE_BIOS + MORE_NOTICES + MORE_LINKS[-3:])
def test_residue_of_other_outlets_at_the_end_is_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", [
    "Related to this, the source said the market was closed for a week.",
    "Read more about the crackdown in the ministry's annual report, the official said.",
    "The notice, which said \"All rights reserved\", was posted on the factory gate.",
    "By Jane Doe's count, more than 30 people were arrested in Hyesan.",
    "Posted on the wall of the cultural hall, the notice warned residents not to use phones.",
    "Reporter Jane Doe was detained in Pyongyang in 2019, her employer said.",
    "Translated by the source, the notice read: \"Smugglers will be shot.\"",
    "Most popular among the smugglers were Chinese phones, the source said.",
    "Support for the regime has weakened among young people, the source said.",
    "Subscribe to the party newspaper, officials told the residents.",
    "Reproduction of South Korean films without permission is punished harshly, the source said.",
    "Any use of Chinese phones is prohibited near the border, the source said.",
    "Jane Doe is a former teacher who fled North Korea in 2019.",
    "Kim Min-ji is a researcher at a state institute who was arrested in May.",
    "Editor of the provincial newspaper was dismissed in March.",
    "This is a developing situation, the official said.",
    "Yesterday, the source said, the police raided the market.",
    "Courtesy of the security ministry, residents were shown the execution.",
    "Next, the officials searched the homes of the accused.",
    "More than 30 people were arrested, the source said.",
    "The source said questions about the trial could be sent to the court.",
    "A version of the decree was published in Rodong Sinmun, the source said.",
])
def test_body_sentences_like_residue_of_other_outlets_stay(sentence):
    for doc in (between(sentence), at_the_end(sentence)):
        assert sentence in doc.text, [r for r in doc.removed]


@pytest.mark.parametrize("glued, body", [
    (" (Reporting by Jane Doe; Editing by John Roe)", P2),
    (" Translated by Jane Doe.", P2),
    (" (END)", P2),
    (" jane@example.com", P2),
    (" (Related story)", P2),
    (" [Read more]", P2),
])
def test_credit_or_mark_closing_a_paragraph_is_cut_out(glued, body):
    doc = cleaned(f"{P1}\n\n{body}{glued}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{body}\n\n{P3}"


@pytest.mark.parametrize("lead, para", [
    ("Updated 3:45 pm KST ", P1),
    ("Published: 2019.05.03 14:22 ", P1),
    ("Posted on March 5, 2021 by admin ", P1),
    ("By Jane Doe ", "SEOUL, March 5 (Yonhap) -- North Korea held a trial in Chongjin on Monday."),
    ("March 5, 2021 ", "SEOUL -- North Korea held a trial in Chongjin on Monday."),
])
def test_byline_or_timestamp_glued_before_the_first_paragraph_is_cut_out(lead, para):
    doc = cleaned(f"{lead}{para}\n\n{P2}")
    assert doc.text == f"{para}\n\n{P2}"


@pytest.mark.parametrize("para", [
    "Updated figures from the ministry show 200 defectors arrived last year.",
    "Published reports said the trial was held in secret.",
    "By March, NORTH KOREAN officials had closed the market, the source said.",
    f"{P2} Reported by the state media, the trial drew hundreds.",
])
def test_paragraphs_opening_or_closing_like_a_credit_stay_whole(para):
    doc = cleaned(f"{P1}\n\n{para}\n\n{P3}")
    assert para in doc.text, doc.removed


PAGE_FURNITURE = [
    "Main image: Kim Jong Un visits a farm in South Hamgyong | KCNA",
    "Top photo: Soldiers at the border in 2019",
    "FILE PHOTO: North Korean leader Kim Jong Un speaks at a party meeting in Pyongyang, March 5, 2021. "
    "REUTERS/Kim Hong-Ji/File Photo",
    "Kim Jong Un visits a farm. Credit...KCNA, via Reuters",
    "Purchase Licensing Rights, opens new tab",
    "($1 = 1,134.9000 won)",
    "As a subscriber, you have 10 gift articles to give each month.",
    "Region / Country: Asia, North Korea",
    "Your tax deductible gift can help stop human rights violations and save lives around the world.",
    "You are receiving this email because you subscribed to our newsletter.",
    "Unsubscribe | View in browser | Forward to a friend",
    "(2nd LD)",
    "(News Focus)",
    "Stay informed",
    "Report an error",
    "Corrections policy",
    "Enlarge this image",
    "hide caption",
    "Scroll to top",
    # rights lines without the sign, support pleas, paywall teasers, page tools
    "Reproduction or redistribution without permission is prohibited.",
    "Unauthorized reproduction of this article is strictly prohibited.",
    "Please consider supporting our journalism.",
    "Enjoy this article? Get our newsletter.",
    "Liked this story? Share it with a friend.",
    "Get unlimited access for $9.99/month",
    "Search form",
    "Click to enlarge",
    "Estimated reading time: 4 minutes",
    "Members only",
    # captions that name themselves as one, or close with a wire's place and full date
    "A view of Hyesan from across the Yalu River in 2019.",
    "File photo of North Korean soldiers near the Yalu River.",
    "An image of a public trial shown on North Korean state TV.",
    "Pictured: a North Korean border post near Hoeryong.",
    "Photo for illustrative purposes.",
    "A screenshot of the KCTV broadcast on Monday.",
    "North Korean women work in a field in South Hwanghae Province in this undated file photo.",
    "People walk past a propaganda poster in Pyongyang, North Korea, on Jan. 5, 2024.",
    "@janedoe_news",
    "English | 한국어 | 日本語",
    "Text size: Small Medium Large",
    "This content was produced by Example News. Example News is an independent outlet.",
    "This is the second part of a two-part series.",
]


@pytest.mark.parametrize("residue", PAGE_FURNITURE)
def test_page_furniture_of_other_outlets_is_removed(residue):
    assert_gone(residue, between(residue))
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", [
    "As a member, you have to attend the meetings, the official told them.",
    "The file photo showed soldiers guarding the bridge, the source said.",
    "The exchange rate was $1 = 8,000 won in the market, the source said.",
    "Your gift to the leader must be ready by Feb. 16, officials told residents.",
    "Stay informed about the party's policy, officials told residents.",
])
def test_body_sentences_like_page_furniture_stay(sentence):
    for doc in (between(sentence), at_the_end(sentence)):
        assert sentence in doc.text, [r for r in doc.removed]


def test_state_media_link_with_a_juche_date_is_removed():
    doc = at_the_end("www.kcna.kp (Juche112.11.10.)")
    assert "kcna.kp" not in doc.text


def test_ranked_list_of_headlines_without_a_header_is_removed():
    items = ["1 Smugglers face military tribunals in border towns",
             "2 Rice prices climb again in Sinuiju markets",
             "3 Teenagers sentenced for watching foreign films"]
    doc = at_the_end("\n\n".join(items))
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_ranked_list_of_figures_in_the_body_stays():
    rows = "1 Rice 5,200 won\n2 Corn 2,100 won\n3 Pork 14,000 won"
    assert rows in between(rows).text


def test_strip_of_headlines_between_bars_is_removed():
    strip = ("Smugglers face military tribunals in border towns | Rice prices climb again in Sinuiju "
             "markets | Teenagers sentenced for watching foreign films")
    doc = between(strip)
    assert "Rice prices climb" not in doc.text and P2 in doc.text


def test_sentence_with_one_bar_stays():
    sentence = "Prices rose sharply in March | the source said the market was closed for a week."
    assert sentence in between(sentence).text


# ---------------------------------------------------------------- credits inside a paragraph of the report
# A paragraph whose sentences carry a reporting verb is the report's, whatever credit is glued to
# it: the credit is cut out and the sentences stay.

SAID = "The source said officials gathered in the square on Monday and read out the verdict."
NEXT = "Hundreds of residents watched the trial."


@pytest.mark.parametrize("credit", [
    "Photo: Reuters", "Getty Images", "AFP via Getty Images", "KCNA via Reuters", "/ AFP", "/Yonhap",
    "Photo by Jane Doe", "© 2021 Example News. All rights reserved.", "ⓒ Yonhap",
    "Please direct any comments or questions about this article to news@example.com.",
])
def test_credit_closing_a_reported_paragraph_is_cut_and_the_paragraph_stays(credit):
    doc = cleaned(f"{P1}\n\n{SAID} {credit}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{SAID}\n\n{P3}", doc.removed


@pytest.mark.parametrize("credit", ["Image: KCNA", "Photo: KCNA", "(AFP)", "/ AFP", "Getty Images"])
def test_credit_between_two_sentences_of_a_reported_paragraph_is_cut(credit):
    doc = cleaned(f"{P1}\n\n{SAID} {credit} {NEXT}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{SAID} {NEXT}\n\n{P3}", doc.removed


@pytest.mark.parametrize("para", [
    f"{SAID} The source told AFP that hundreds of residents watched.",
    "Officials read out the verdict, Reuters reported. Hundreds of residents watched the trial.",
    f"{SAID} Getty Images of the trial were not available.",
])
def test_reported_paragraph_naming_an_agency_stays_whole(para):
    assert para in cleaned(f"{P1}\n\n{para}\n\n{P3}").text


def test_a_copyright_sign_glued_before_a_sentence_never_takes_the_sentence():
    text = f"{P1} ⓒ Daily Example He said four residents were sentenced to prison."
    doc = cleaned(text)
    assert "He said four residents were sentenced to prison." in doc.text


# ---------------------------------------------------------------- residue of unseen outlets, third round
# Bureau bylines of wire and broadcast pages, wire credit chains with places, Korean papers'
# "[PAPER=AGENCY]" and capitalized credits, picture libraries, newspaper sign-up boxes, consent
# walls, lower-case keyword lists, contributor bios of other shapes.

THIRD_ROUND = [
    "By Jane Doe, Beijing correspondent",
    "Jane Doe, Asia Editor",
    "By Jane Doe · 4 min read",
    "From our correspondent in Seoul",
    "Jane Doe\nSeoul correspondent",
    "Jane Doe\nBBC News, Seoul",
    "Modified date: March 5, 2021",
    "Input: 2021-03-05 10:32 | Modified: 2021-03-05 11:00",
    "All Headlines 10:53 May 13, 2010",
    "Reuters / Friday, March 11, 2016",
    "Reporting by Jane Doe in Seoul; Additional reporting by John Roe in Beijing; Editing by Sam Hill",
    "(Writing by Jane Doe; Editing by John Roe and Sam Hill)",
    "With reporting by Jane Doe",
    "-- Reporting by Jane Doe",
    "Jane Doe contributed reporting from Seoul.",
    "With agencies",
    "- With AFP",
    "Translation by Jane Doe",
    "Korean-to-English translation by Jane Doe",
    "A marker on the bank of the Yalu River near Sinuiju (Wikimedia Commons)",
    "(Wikimedia Commons)",
    "Flickr/Jane Doe",
    "Captured from KCTV",
    "Photo illustration by Jane Doe",
    "A photo provided by the Unification Ministry",
    "Kim Jong Un visits a farm in South Hamgyong Province. [NEWS1]",
    "Kim Jong Un visits a farm in South Hamgyong Province. [JOONGANG PHOTO]",
    "Kim Jong Un visits a farm in South Hamgyong Province [YONHAP]",
    "Kim Jong Un visits a farm. [Rodong Sinmun=News1]",
    "Rodong Sinmun=News1",
    "Kim Jong Un visits a farm in South Hamgyong Province. Getty",
    "Kim Jong Un visits a farm in South Hamgyong Province. KCNA/via Reuters",
    "Read this in Korean",
    "This article is also available in Korean.",
    "Also on Example News",
    "Read the report",
    "Related reports",
    "Other news",
    "This week's highlights",
    "Newsletter sign-up",
    "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
    "after newsletter promotion",
    "Skip past newsletter promotion",
    "By signing up, you agree to our Terms of Use and Privacy Policy",
    "Thank you for subscribing!",
    "Create a free account",
    "To read the full article, please subscribe.",
    "Continue reading with a subscription",
    "Share this article on Facebook",
    "Post to X",
    "Like us on Facebook",
    "Follow Example News on Google News",
    "Join our Telegram channel",
    "English Chinese Japanese Arabic Spanish",
    "More about: North Korea, Kim Jong Un",
    "border, china, north korea, dprk, defectors, defections. remittance",
    "Story continues",
    "Content from our partners",
    "We value your privacy",
    "Manage consent",
    "Please enter your comment!",
    "Next page :According to another reporting partner in Hyesan...",
    "< Previous page",
    "Continued on page 2",
    "(Continued)",
    "Women sell rice at a market in a border town. Taken in summer of 2013, ASIAPRESS",
    "Example News Logo",
    "Try unlimited access",
    "Only $1 for four weeks",
    "• Unlimited access to all of Example News: reporting, investigations, analysis",
    "All major cards accepted. No commitments – you can cancel any time.",
    "Get unlimited access to all Example News content, including original reporting and analysis by our team.",
    "[Excerpt of an article by Jane Doe, Example Daily]",
]

THIRD_ROUND_BIOS = [
    "Jane Doe (@janedoe) is a journalist based in Seoul.",
    "Jane Doe has covered North Korea since 2015.",
    "Jane Doe is a PhD candidate at Example University.",
]


@pytest.mark.parametrize("residue", THIRD_ROUND)
def test_residue_of_unseen_outlets_is_removed(residue):
    assert_gone(residue.split("\n")[-1], between(residue))
    assert_gone(residue.split("\n")[0], at_the_end(residue))


@pytest.mark.parametrize("residue", THIRD_ROUND_BIOS)
def test_bios_of_other_shapes_closing_the_page_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", [
    "The views expressed at the meeting were recorded by the security agents.",
    "Source: a resident of Chongjin.",
    "Jane Doe, a Seoul correspondent for the paper, was expelled in 2019.",
    "Lee Sang-yong, editor-in-chief of Daily NK, said the report was accurate.",
    "Every household contributed from January, the source said.",
    "Officials seized phones, radios, USB sticks, DVDs and SD cards from the house.",
    "The agency (KCNA) said the trial was held on Monday.",
    "The Ministry of State Security [MSS] arrested three smugglers.",
    "With agencies watching closely, smuggling fell in Hyesan.",
    "Story continues to circulate among residents, the source said.",
    "Translation of foreign films into Korean is punished harshly.",
    "To read the Bible, the women met in secret and were arrested.",
    "We value your privacy, the official told the residents before the search.",
    "Read the report of the inspection team, the cadres were told.",
    "Kim Il Sung=the sun of the nation, a banner read.",
    "Also on Monday, three smugglers were arrested in Hyesan.",
    "Modified rules took effect on March 5, 2021.",
    "Jane Doe has covered the trial of her brother since 2015, the source said.",
    "Jane Doe is a PhD student at Kim Il Sung University who was arrested in May.",
    "Join our cooperative farm, officials urged students.",
    "Next page of the notebook listed the names of the smugglers, the source said.",
    "Please enter the hall quietly, the officials told residents.",
    "Only $1 a day was paid to the workers, the source said.",
    "Excerpts of the leader's speech were read out at the meeting.",
    "Unlimited access to the border zone was given to the trading company.",
])
def test_body_sentences_like_residue_of_unseen_outlets_stay(sentence):
    for doc in (between(sentence), at_the_end(sentence)):
        assert sentence in doc.text, [r for r in doc.removed]


def test_hard_wrapped_body_lines_like_residue_stay():
    wrapped = ("A source told Daily NK on Monday that agents of the State Security\n"
               "Department (SSD)\n"
               "arrested three smugglers carrying rice, corn,\n"
               "flour, soybeans, sugar, cooking oil, and other goods across the river.\n\n"
               "The people who contributed\n"
               "money to the smugglers were questioned, and the Daily NK reporter\n"
               "confirmed it.")
    doc = cleaned(f"{P1}\n\n{wrapped}\n\n{P3}")
    assert doc.removed == [], doc.removed
    assert "State Security Department (SSD) arrested three smugglers" in doc.text
    assert "The people who contributed money" in doc.text


@pytest.mark.parametrize("credit", [
    "Photograph: Jane Doe/AP", "Image source, Getty Images", "[YONHAP]", "[NEWS1]",
    "File photo", "Photo courtesy of Example Group", "All rights reserved.",
])
def test_credit_glued_after_a_reported_paragraph_is_cut(credit):
    doc = cleaned(f"{P1}\n\n{SAID} {credit}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{SAID}\n\n{P3}", doc.removed


@pytest.mark.parametrize("para", [
    "Kim Jong Un visits a farm in South Hamgyong Province [YONHAP] and residents said the harvest was poor.",
    "Officials read out the verdict (Yonhap) before the crowd, residents said.",
])
def test_credit_words_inside_a_sentence_stay(para):
    assert para in between(para).text


def test_reported_paragraph_closed_by_a_contributor_line_stays():
    doc = cleaned(f"{P1}\n\n{SAID} Jane Doe contributed reporting from Seoul.\n\n{P3}")
    assert SAID in doc.text, doc.removed


# ---------------------------------------------------------------- shapes of the round of 2026-12-04 (evening)

@pytest.mark.parametrize("residue", [
    "Source: The Korea Times", "Sources: Example Daily", "[Source: Example Institute]",
    "2019/May/02 Edited by LEE Ha-na, defector reporter <First published in Korean in April>",
    "Translated by John Doe", "Text and photos by Kim Min-ji, Example News",
    "edit", "[edit]", "..", "| |", "…  …",
])
def test_credit_edit_and_bare_mark_lines_at_the_end_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("prefix", ["ExampleNews.Net - ", "example-daily.co.kr – ", "[2015/Mar/10] ", "(2021.04.02) "])
def test_site_name_or_list_date_opening_a_paragraph_is_cut_out(prefix):
    doc = cleaned(f"{prefix}{P1}\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"


def test_bare_name_under_the_date_line_is_a_byline():
    doc = cleaned(f"Court in Chongjin tries phone sellers\n\nMonday, April 1st, 2019\n\nJane Doe\n\n{P1}\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("sentence", [
    "Source: The prices rose again after the holiday.",
    "Edited by the propaganda department, the film was shown in every factory.",
    "Translated by a guide, the order was read to the workers.",
    "Example.com - a site the authorities block - was named in the lecture.",
])
def test_lines_like_credits_or_site_names_that_are_sentences_stay(sentence):
    doc = between(sentence)
    assert sentence in doc.text, doc.removed


@pytest.mark.parametrize("residue", ["2 April 2019 :", "April 2, 2019 |", "Hits: 10,836", "• Hits: 512",
                                     "[ Full text ]", "Read the full article"])
def test_date_line_closed_by_a_mark_and_page_counters_at_the_top_are_removed(residue):
    assert_gone(residue, at_the_top(residue))


def test_outlet_in_brackets_closing_a_paragraph_is_cut_out():
    doc = cleaned(f"{P1}\n\n“They beat him,” the source said. [Example Ilbo]\n\n{P2}")
    assert "[Example Ilbo]" not in doc.text and "“They beat him,” the source said." in doc.text


@pytest.mark.parametrize("marked, kept", [
    ("in Chongjin on Nov. 10.[3]", "in Chongjin on Nov. 10."),
    ("the camp[12] where", "the camp where"),
    ("the camp,[note 4] where", "the camp, where"),
])
def test_reference_marks_of_an_encyclopedia_are_cut_out(marked, kept):
    doc = cleaned(f"{P1}\n\nThe court sent them to {marked} they stayed.\n\n{P2}")
    assert f"The court sent them to {kept} they stayed." in doc.text


@pytest.mark.parametrize("sentence", [
    "He said the order came from the [provincial] party committee.",
    "The source said: [The guards] took everything they found.",
    "Residents were told to pick option [B] on the form, the source said.",
])
def test_brackets_inside_sentences_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("caption", [
    "A general view of Sinuiju from across the Yalu River.",
    "A panorama of the port of Nampo.",
    "An aerial view over Kaesong in 2020.",
    "Vendors selling fish at a market in Wonsan. (Taken in May 2018)",
    "Workers repairing a road in Hamhung (Photo taken in April 2017) EXAMPLEPRESS",
    "Farmers planting rice in South Hwanghae Province. /Example Sinmun-News1",
    "A truck at the customs post in Sinuiju. / Example Photo",
])
def test_captions_without_a_credit_line_of_their_own_are_removed(caption):
    assert_gone(caption, between(caption))


@pytest.mark.parametrize("sentence", [
    "Smugglers crossing the river were shot by border guards.",
    "Authorities crack down on smugglers using Chinese phones.",
    "North Korea arrests man for spying after a trip to China.",
    "Residents attending the lecture received a warning.",
    "During the crackdown, three traders lost their stalls.",
    "Soldiers guarding the bridge reportedly took bribes.",
    "Officials inspecting the market say prices doubled.",
    "Following the trial, the families moved to Kilju.",
    "A view of the execution was forced on the children, the source said.",
    "He sold it for 50 yuan/kg in Hyesan.",
])
def test_sentences_like_captions_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", [
    "Example Friends is a Seoul-based group that aims to help North Koreans from a humanitarian point of view.",
    "Example News is an independent news site covering North Korea.",
    "The Example Institute for North Korean Studies (EINKS) is a non-profit research organization.",
    "(Example) (Example)",
    "[Example Press] [Example Press]",
])
def test_self_descriptions_and_doubled_credits_at_the_end_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


def test_date_line_with_its_agency_in_brackets_dates_the_page():
    doc = cleaned(f"{P1}\n\n{P2}\n\nMay 8, 2021 (EXAMPLEPRESS)")
    assert doc.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("pull", [
    "Residents say the trial was meant to frighten people",
    "“Residents say the trial was meant to frighten people living near the border”",
])
def test_pull_quote_repeating_the_body_goes_and_the_body_stays(pull):
    doc = cleaned(f"{P1}\n\n{pull}\n\n{P2}\n\n{P3}")
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_paragraph_repeated_word_for_word_is_kept_once():
    doc = cleaned(f"{P1}\n\n{P3}\n\n{P2}\n\n{P3}")
    assert doc.text.count(P3) == 1 and P1 in doc.text and P2 in doc.text


@pytest.mark.parametrize("sentence", [
    "Example Friends is a group the authorities accused of spying, the source said.",
    "The court is a body that sentenced four residents in March.",
])
def test_sentences_about_organizations_stay(sentence):
    assert sentence in at_the_end(sentence).text


def test_short_repeated_lines_are_not_pull_quotes():
    doc = cleaned(f"{P1}\n\nHe was shot.\n\n{P2}\n\nThey said he was shot. Then they left.")
    assert "He was shot." in doc.text


@pytest.mark.parametrize("residue", ["News...\nsponsored by", "Send a link to a friend", "Home. News. World."])
def test_widget_labels_with_dots_at_the_top_are_removed(residue):
    assert_gone(residue, at_the_top(residue))


def test_bracketed_date_before_a_reposted_wire_dateline_is_cut_out():
    doc = cleaned(f"[June 12, 2013]  SEOUL (AP) -- {P1}\n\n{P2}")
    assert doc.text.startswith("SEOUL (AP) -- A source")


@pytest.mark.parametrize("residue", [
    "In this photo taken on Wednesday, May 29, 2013, a man reads in a dormitory in Anseong, South Korea. "
    "He was seven when he was sent to a detention center. His parents were caught in 2003. (AP Photo/Jane Doe)",
    "This undated picture released by the agency shows soldiers at a drill. It was not possible to verify it. (KCNA/Yonhap)",
])
def test_wire_caption_of_several_sentences_with_its_agency_credit_is_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("residue", ["Blog Editor: The full report of the commission can be read here.",
                                     "Ed. note: An earlier version misspelled a name."])
def test_notes_of_the_site_editor_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", [
    "In this picture, the source said, the soldiers are seen beating a man (AP was not able to verify it).",
    "The editor: a man named Kim, was arrested in March.",
])
def test_sentences_like_wire_captions_or_notes_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", ["km/rc (dpa, Reuters)", "jd/ab", "(dpa/AFP)", "(AP, Reuters, AFP)",
                                     "North Korea in pictures: a look inside the closed country",
                                     "Watch: Soldiers march in Pyongyang", "Gallery: Ten years of Kim's rule"])
def test_wire_initials_agency_lists_and_teasers_at_the_end_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("residue", ["Key Topics in this News Article:", "News Snapshot:", "Summary", "Key points", "Details",
                                     "At a glance"])
def test_summary_box_labels_at_the_top_are_removed(residue):
    assert_gone(residue, at_the_top(residue))


@pytest.mark.parametrize("sentence", [
    "Residents in photos: the source said they were shown pictures of the accused.",
    "(Laughs) He said the market was closed, the source added.",
    "Watch teams were sent to every village, the source said.",
])
def test_sentences_like_teasers_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", ["There was an error in this gadget", "Mastodon", "Bluesky | YouTube | Instagram"])
def test_widget_errors_and_social_labels_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


def test_blog_excerpt_link_to_the_rest_is_cut_out():
    doc = cleaned(f"{P1[:-1]} … Continue reading Court in Chongjin tries phone sellers\n\n{P2}")
    assert doc.text == f"{P1[:-1]}\n\n{P2}"


def test_continue_reading_inside_a_sentence_stays():
    sentence = "Officials told them to stop … Continue reading the paper, the source said."
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", [
    "This website uses cookies and other technology to improve the service. Continued use of the website will be "
    "considered as consent to the use of such technology and to the policy of the site. For further details >",
    "Example-News.Org", "www.example.or.kr/eng",
])
def test_long_consent_notices_and_bare_domains_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", ["Example.com.", "He said the site example.com was blocked."])
def test_a_domain_inside_a_sentence_stays(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", [
    "Check out the video below:\n[exampleplayer player_id=”5df2ff5a” auto=”true” width=”1920″]",
    '[caption id="attachment_123" align="alignnone" width="600"]',
    "Watch the video below.", "See the photos above",
])
def test_embedded_player_pointers_and_shortcodes_are_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("sentence", [
    "Watch the video of the trial, officials told the residents, or face punishment.",
    'He said the order [issued by the "provincial" committee] was read aloud.',
    "See the photos of the accused in the square, the source said.",
])
def test_sentences_like_player_pointers_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", ["Spotted an error? Let us know.", "Found a typo? Email us at desk@example.com",
                                     "Printed from example.com on 2021-04-02", "12 Shares", "북한 주민들 (사진=예시뉴스)"])
def test_correction_prompts_print_stamps_share_counts_and_korean_captions_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


def test_sentence_about_an_error_stays():
    sentence = "Officials found an error in the ration lists and told residents to report it."
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", ["Next Up:", "Sponsor Message", "Accessibility links", "%d bloggers like this:",
                                     "• 16x9 Image", "Only $1 for four weeks",
                                     "Year-one discount if you continue past the trial period",
                                     "Example Radio provides news and information in more than 40 languages."])
def test_player_labels_paywall_offers_and_broadcaster_blurbs_are_removed(residue):
    assert_gone(residue, at_the_end(residue))


@pytest.mark.parametrize("sentence", [
    "The court offered no trial period for the accused, the source said.",
    "The state radio provides news only about the leader's visits, a resident said.",
])
def test_sentences_like_offers_or_blurbs_stay(sentence):
    assert sentence in at_the_end(sentence).text


def test_a_date_line_under_a_long_page_header_dates_the_page():
    header = "\n\n".join(["ExampleLIVE", "| World", "Larger text Smaller text | Order Photo Reprints",
                          "Court in Chongjin tries phone sellers", "Email Newsletters",
                          "Click here to sign up for one of our email newsletters.", "Daily Photo Galleries",
                          "By The Example Times", "Monday, Nov. 11, 2013, 9:12 p.m."])
    doc = cleaned(f"{header}\n\n{P1}\n\n{P2}")
    assert doc.published == "2013-11-11"
    assert doc.text.endswith(f"{P1}\n\n{P2}")


def test_a_date_line_after_the_body_has_started_does_not_date_the_page():
    doc = cleaned(f"{P1}\n\n{P2}\n\n{P3}\n\n{P1}\n\nMonday, Nov. 11, 2013\n\n{P2}")
    assert doc.published is None


@pytest.mark.parametrize("residue", ["|", "| World", "> News > Korea",
                                     "Health workers disinfect a hall in Tanchon, Dec. 5. Yonhap |",
                                     "Recommended from Editorial", "Larger text Larger text Smaller text | Order Photo Reprints"])
def test_bars_section_paths_and_bar_closed_captions_are_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("line", ["Mar 5, 2021 • 3 min read", "2021년 3월 5일", "입력 2021년 3월 5일 (금) 10:05",
                                  "March 5th, 2021", "5th March 2021", "2021-03-05T10:05:00+09:00",
                                  "By Jane Doe on March 5, 2021", "March 5, 2021Mar 5, 2021", "5 March 2021 5 Mar 2021"])
def test_page_date_lines_of_other_shapes_date_the_page(line):
    doc = cleaned(f"Court in Chongjin tries phone sellers\n\n{line}\n\n{P1}\n\n{P2}")
    assert doc.published == "2021-03-05"
    assert doc.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("line", ["05.03.2021", "5/3/2021"])
def test_day_month_order_we_cannot_tell_leaves_the_page_undated(line):
    assert cleaned(f"Court in Chongjin tries phone sellers\n\n{line}\n\n{P1}\n\n{P2}").published is None


def test_a_long_lowercase_keyword_line_opening_the_page_is_removed():
    keywords = "border patrols gold bars mobile phones security agency crackdown arrests remittance brokers"
    doc = cleaned(f"{keywords}\n\n{P1}\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"


def test_a_first_line_cut_off_mid_sentence_stays():
    cut = "the border guards who had taken bribes were sent to a labor camp for five years."
    assert cut in cleaned(f"{cut}\n\n{P1}\n\n{P2}").text


@pytest.mark.parametrize("residue", ["Profile Image", "• Profile Image", "Comment icon", "featured image",
                                     "Share icon", "Avatar"])
def test_labels_of_interface_images_are_removed(residue):
    assert_gone(residue, between(residue))


def test_a_long_bulleted_perk_inside_a_paywall_offer_goes_with_it():
    offer = "\n".join(["Try unlimited access", "Only $1 for four weeks",
                       "• The Example Daily Briefing, a morning email that sums up the news for you",
                       "Subscribe now"])
    doc = at_the_end(offer)
    assert "Daily Briefing" not in doc.text
    assert doc.text.endswith(P3)


def test_a_long_bulleted_list_item_of_the_body_stays():
    body = "\n".join([P1, "The court named three offences:",
                      "• selling mobile phones made in China to residents of the border towns along the river",
                      P2])
    doc = cleaned(f"{body}\n\n{P3}")
    assert "selling mobile phones made in China" in doc.text


@pytest.mark.parametrize("caption", [
    "A drawing by a former prisoner showing a guard post at the camp. The drawing was made in 2005 in Seoul.",
    "A photo taken from the Chinese bank of the river near Hyesan. The photo is from 2019.",
])
def test_a_two_sentence_caption_about_its_picture_is_removed(caption):
    assert_gone(caption, at_the_top(caption))


def test_body_sentences_about_a_picture_with_a_source_stay():
    body = ("A photo of the trial was passed to reporters by a resident. The photo was taken on a phone, "
            "the source said.")
    assert body in between(body).text


def test_reporters_names_in_brackets_closing_a_paragraph_are_cut_out():
    doc = between(f"{P1} (KIM Min-ji / LEE Ha-eun)")
    assert "KIM Min-ji" not in doc.text and P1 in doc.text


@pytest.mark.parametrize("residue", [
    "Text of report in English by Jane Doe: \"Border towns tighten watch\", published by an Example News website on 12 May",
    "Excerpt from report by South Korean news agency Example on 3 March",
    "Posted by Jane at 10:32:05 PM with No comments",
    "Posted by admin on March 5, 2021 with 3 comments",
    "READ  Court in Hyesan sentences three smugglers to labor camps",
    "ALSO READ Border guards punished after a defection",
    "All comments", "Show new comments (0)", "Latest Post",
    "Example Media does not take any responsibility for the information you see on this page. "
    "The content of this page comes from a third-party provider.",
])
def test_monitoring_notes_blog_bylines_capital_read_links_comment_widgets_and_disclaimers_are_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("sentence", [
    "North Korea does not take any responsibility for the sinking, the statement said, blaming a third party.",
    "Read the verdict aloud, the judge told the clerk, according to the source.",
    "The text of the report was read to residents at a meeting on Monday, the source said.",
])
def test_sentences_like_disclaimers_or_read_links_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("residue", [
    "• By Jane Doe",
    "- By Kim Min-ji",
    "Court in Hyesan tries smugglers [PHOTOS] Court in Hyesan tries smugglers [PHOTOS] 2019-04-01 21:37 | North Korea",
    "Border guards punished after defection Border guards punished after defection",
    "Example Mail25-07-2025",
    "Example Times | 05.03.2021",
    "Note: Only a member of this blog may post a comment.",
    "Nessun commento:", "Publicar un comentario", "Aucun commentaire:",
])
def test_bulleted_bylines_doubled_story_cards_outlet_dates_and_blog_comment_footers_are_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("sentence", [
    "\"Shoot them, shoot them,\" the officer shouted at the trial, a witness said.",
    "Again and again, again and again the residents were told to attend the lecture.",
])
def test_sentences_that_repeat_words_stay(sentence):
    assert sentence in between(sentence).text


def test_a_headline_ending_in_says_standing_alone_is_the_title():
    doc = cleaned(f"Labor camps hold more detainees, rights group says\n\n{P1}\n\n{P2}")
    assert doc.title == "Labor camps hold more detainees, rights group says"
    assert doc.text == f"{P1}\n\n{P2}"


def test_a_first_sentence_wrapped_after_says_is_not_a_title():
    doc = cleaned(f"A resident of Hyesan says\nthe market was closed on Monday by the city police.\n\n{P2}")
    assert doc.title is None
    assert "A resident of Hyesan says the market was closed" in doc.text


def test_a_wire_caption_with_a_rank_and_a_dateline_without_on_is_removed():
    caption = ("Lt. Gen. Jane Doe, head of the intelligence office, gives a briefing to lawmakers at the "
               "National Assembly in Seoul, South Korea, Feb. 27, 2017.")
    assert_gone(caption, between(caption))


@pytest.mark.parametrize("residue", ["More coverage:", "Start the day smarter ☀️ Weather 🌧 Sports scores and schedule"])
def test_more_coverage_headers_and_promotion_strips_are_removed(residue):
    assert_gone(residue, at_the_top(residue))


def test_a_bare_name_between_the_headline_and_the_first_paragraph_is_the_byline():
    doc = cleaned(f"Court in Chongjin tries phone sellers\n\nJane Roe-Smith\n\n{P1}\n\n{P2}")
    assert doc.text == f"{P1}\n\n{P2}"
    assert ("byline", "Jane Roe-Smith") in [(r.kind, r.text) for r in doc.removed]



def test_headlines_of_other_stories_after_a_wire_end_mark_go():
    tail = "\n".join(["(END)", "-", "Court in Sinuiju hears appeal of three traders next week", "-",
                      "Rail link to China to reopen for freight, officials say", "-"])
    doc = at_the_end(tail)
    assert "Court in Sinuiju" not in doc.text and "Rail link" not in doc.text
    assert doc.text.endswith(P3)


@pytest.mark.parametrize("paragraph", [
    "North Korea has closed the border crossing at Sinuiju since late January. (Yonhap)",
    "The newspaper warned officials against easing controls, saying complacency was the enemy. (Yonhap)",
])
def test_a_wire_paragraph_closed_by_its_agency_stays(paragraph):
    assert paragraph.replace(" (Yonhap)", "") in at_the_end(paragraph).text


def test_a_picture_caption_closed_by_its_agency_still_goes():
    caption = "Workers plant rice in a field in South Hwanghae Province. (Yonhap)"
    assert_gone(caption, between(caption))


def test_a_posted_date_wins_over_a_bare_date_in_the_site_header():
    header = "\n".join(["Mon, March 8, 2021 | 07:45", "Court in Chongjin tries phone sellers",
                        "Posted : 2020-11-29 10:31", "Updated : 2020-11-30 18:36"])
    assert cleaned(f"{header}\n\n{P1}\n\n{P2}").published == "2020-11-29"


@pytest.mark.parametrize("residue", [
    "On this day..", "Entry Filed under: Executions, North Korea, Public Trials",
    "Click Here for Feedback and a Rating!", "Click here to rate this story",
    "wikipedia/CC BY", "Photo: Jane Doe / CC BY-SA 2.0", "Example Archive / Public domain",
])
def test_blog_widgets_entry_categories_click_here_prompts_and_licence_credits_are_removed(residue):
    assert_gone(residue, between(residue))


@pytest.mark.parametrize("sentence", [
    "On this day in 2009, the court in Hoeryong tried five women in the stadium, the source said.",
    "The photos were published under a Creative Commons licence by the researchers, who said they were taken in 2019.",
])
def test_sentences_like_widgets_or_licence_credits_stay(sentence):
    assert sentence in between(sentence).text


@pytest.mark.parametrize("rule", ["————————————–", "– – – – –", "―――――"])
def test_a_rule_of_long_dashes_glued_above_a_paragraph_is_a_separator(rule):
    doc = cleaned(f"{P1}\n\n{rule}\n{P2}\n\n{P3}")
    assert rule not in doc.text and f"\n\n{P2}" in doc.text


@pytest.mark.parametrize("caption", [
    "Women sell vegetables at a market. The stalls are new. Taken in Hyesan in May 2016. (EXAMPLE PRESS)",
    "A study session at a farm office. It was about loyalty. Taken in summer of 2014, EXAMPLEPRESS",
    "Houses in a district of Hyesan. This photo was taken from the Chinese side of the river. [May 2014]  EXAMPLEPRESS",
    "A guard post by the river. The wall is a wooden screen for watching residents. (Hyegang-dong) EXAMPLEPRESS",
])
def test_captions_closed_by_when_the_picture_was_taken_or_a_bare_credit_are_removed(caption):
    assert_gone(caption, between(caption))


@pytest.mark.parametrize("sentence", [
    "He was detained at the market. Taken by agents to the station, he was beaten for three days.",
    "A resident sent a photo of the notice. The photo was taken on Monday, the source said.",
])
def test_body_sentences_about_being_taken_or_a_photo_stay(sentence):
    assert sentence in between(sentence).text
