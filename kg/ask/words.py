"""The closed word classes of the question grammar, in bokmål, nynorsk and English.

A question is read into parts (see ``reader.py``): the kind of answer asked
for, a relation from the verb phrase, modifiers (most, never, first, total,
rising), filters and arguments. The words below are the grammar's function
words; everything else in a question is an argument to be linked to the graph.
Each entry is a regular expression over the lower-cased question, matched at
word boundaries; longer cues win over shorter ones that overlap them.
"""

from __future__ import annotations

from kg.lang.organisation_forms import form_words

# question word → the kind of answer it asks for, before a kind noun narrows it
QUESTION_WORDS = [
    (r"how much|how many|hvor mye|hvor mange|kor mykje|kor mange|kor mykið", "amount"),
    (r"who|whom|whose|hvem|kven|ken", "agent"),
    (r"when|når|kva tid|hvilken dato", "date"),
    (r"where|hvor|kvar", "place"),
    (r"which|what kind of|what|hvilke|hvilken|hvilket|hva slags|hva for|hva|kva for|kva slag|kva|list(?: all)?|show(?: all)?"
     r"|vis(?: alle)?|alle|all|any|noen|nokon|noko|nokre|noe", "thing"),
]

# a place asked for by a kind noun, beside the answer ("…, and in which municipality?", "og i kva kommune")
PLACE_QUESTION = (r"(?:in|i|på)\s+(?:which|what|hvilken|hvilke|hvilket|kva for ein|kva for|kva)\s+"
                  r"(?:municipalit\w*|kommun\w*|places?|sted\w*|stad\w*|towns?)")

# kind nouns: singular, plural, definite, in the three languages → the kind of thing
KIND_NOUNS = [
    # a county is asked of its county authority, which the lexicon of public bodies holds as an institution
    (r"(?:counties|county)(?: councils?| authorit(?:y|ies)| municipalit(?:y|ies))?|fylkeskommun\w*"
     r"|fylk(?:e|er|et|ene|a|ar|ane)", "institution"),
    (r"kommune(?:r|n|ne)?|kommunar|kommunane|municipalit(?:y|ies)", "municipality"),
    (r"region(?:er|en|ene|ar|ane|s)?|regionråd\w*", "region"),
    (r"etat(?:er|en|ene|ar|ane)?|direktorat(?:er|et|ene|a)?|agenc(?:y|ies)|institusjon(?:er|en|ene|ar|ane)?"
     r"|institutions?|universit\w*|høgskul\w*|høgskol\w*", "institution"),
    (r"selskap(?:er|et|ene|a)?|bedrift(?:er|en|ene|ar|ane)?|compan(?:y|ies)|firms?|firma(?:er|et)?"
     r"|organisasjon(?:er|en|ene|ar|ane)?|organi[sz]ations?|foretak\w*|businesses", "organisation"),
    (r"aktør(?:er|en|ene|ar|ane)?|actors?|bod(?:y|ies)|organ(?:er|et|a|ene)?|partners?|partnere|members?"
     r"|medlem(?:mer|mar|mene|ane)?", "actor"),
    (r"prosjekt(?:er|et|ene|a)?|projects?", "project"),
    (r"klynge(?:r|n|ne)?|klyngjer|clusters?", "cluster"),
    (r"program(?:mer|met|mene|ma|s)?|programmes?|ordning(?:er|en|ar)?|pot of money|pots of money", "programme"),
    (r"arrangement(?:er|et|ene|a)?|events?|konferans\w*|conferences?|samling(?:er|a|ar)?|seminar\w*", "event"),
    (r"møte(?:r|t|ne|ane)?|møta|(?:council |board |committee )?meetings?", "meeting"),
    (r"sak(?:er|en|ene|a|ane|ar)?|cases?|agenda items?", "case"),
    (r"vedtak(?:et|ene|a)?|decisions?|beslutning(?:er|en|ar)?|resolutions?|statements?|uttal\w*", "decision"),
    (r"tiltak(?:et|ene|a)?|oppgave(?:r|n|ne)?|oppgåve(?:r|a|ne)?|actions?|action items?|tasks?|follow-ups?"
     r"|oppfølgingspunkt\w*|oppfølging\w*|frister|fristane", "action"),
    (r"tema(?:er|et|ene|ne)?|topics?|emne(?:r|t)?|themes?", "topic"),
    (r"personer|personar|people|folk|representant(?:er|ar|ane|ene)?|representatives?", "person"),
]

# the body whose minutes these are, named as a speaker ("hva krevde regionrådet", "what did the council decide"):
# the one who decides, never the kind of answer asked for nor a thing to narrow the answers by
THE_BODY = (r"regionrådet|rådet|the regional council|the council|styret|the board|arbeidsutvalet|arbeidsutvalget"
            r"|representantskapet|utvalet|utvalget")

# the verb that says what kind of statement a decision is ("krev", "prioriterer", "meiner"): where some
# decisions say it, those are the answers
STANCES = [
    (r"krev\w*|krav\w*|demand\w*", r"krev|krav|demand"),
    (r"prioriter\w*|prioriti[sz]\w*|want in", r"priorit"),
    (r"meiner|mener|mean|syn på|position on", r"mein|men[ae]r|mean|syn"),
]

# verb phrases → relation. Order matters only where two cues cover the same words: longer first.
RELATIONS = [
    # disqualified from a case (forvaltningsloven § 6): before absence and leaving, which it also is
    (r"inhabil\w*|ugild\w*|disqualified|recused?|recusal|conflicts? of interest|interessekonflikt\w*"
     r"|declared (?:an |a )?(?:personal |pecuniary )?interests?|declarations? of interest", "recuse"),
    # absence before attendance: "møtte ikke" is not "møtte"
    (r"hadde forfall|har forfall|forfall|meldt forfall|absent|absence|apologies|sent apologies|møtte ikke|møtte ikkje"
     r"|did not attend|didn't attend|not present|ikke til stede|ikkje til stades|fravær|was missing|were missing"
     r"|nobody present|no one present|ingen til stede|ingen til stades|ingen møtte", "absent"),
    (r"left early|left the meeting|leave the meeting|leave early|had to leave|måtte gå|måtte forlate|måtte forlata"
     r"|gikk tidlig|gjekk tidleg|gikk tidligere|gjekk tidlegare|forlot|gikk før|gjekk før|left before", "leave"),
    (r"arrived late|came late|too late|kom (?:for )?seint|kom (?:for )?sent|kom seinare|kom senere|came later"
     r"|arrived later|joined later|only part|delar av|deler av|bare med på|berre med på|bare med|berre med|only on"
     r"|attended only|only attended|from which case|fra hvilken sak|frå kva sak|for which cases", "partial"),
    (r"vara\w*|substitut\w*|stedfortred\w*|stand-ins?|stood in|møtte i stedet for|møtte i staden for", "substitute"),
    (r"as observers?|som observatør\w*|observatør\w*|observers?", "observe"),
    (r"as guests?|som gjest\w*|guests?|gjester|gjestar|invited guests?|inviterte gjester", "guest"),
    (r"møt\w* for|attend\w* for|attended on behalf of|on behalf of|på vegne av|is from|came from|kom fra|kom frå"
     r"|møtte fra|møtte frå|attended from|visited from|sits? for|sitter for|sit for", "attend_for"),
    # where the meeting went: a company visit, a tour ("which company did the council visit")
    (r"visit\w*|besøk\w*|bedriftsbesøk\w*|vitja\w*|vitjar|vitje|omvis\w*|toured|tour of|went to see", "visit"),
    # a form of organisation after an article names the relation of having one ("er X eit aksjeselskap"; "for the
    # new interkommunalt politisk råd" names a body), as do the words for it ("what legal form has X")
    ("|".join(f"{article} (?:{form_words()})" for article in ("eit", "et", "ein", "en", "ei", "an", "a"))
     + r"|organisasjonsform\w*|selskapsform\w*|legal form|form of organi[sz]ation|kind of company"
     r"|type of company|company type|selskapstype\w*", "form"),
    # the past tense asks who came for a body to a meeting; the present who represents it, absent or not
    (r"represented|representerte|representert", "represented"),
    (r"represent\w*", "represent"),
    # a title names the relation of holding it; the title itself is what the query looks for
    (r"varaordfører\w*|varaordførar\w*|ordfører\w*|ordførar\w*|deputy mayor|mayor|rådmann|rådmannen|rådmenn"
     r"|kommunedirektør\w*|chief executive|sekretariatsleder\w*|sekretariatsleiar\w*|daglig leder|dagleg leiar"
     r"|styreleder\w*|styreleiar\w*|fylkesordfører\w*|fylkesrådsleder\w*|director|direktør\w*", "role"),
    (r"took the minutes|takes the minutes|wrote the minutes|kept the minutes|minute[- ]?takers?|referent\w*"
     r"|førte protokoll\w*|førte referat\w*|skrev referat\w*|skreiv referat\w*|skrev protokoll\w*|skreiv protokoll\w*"
     r"|protokollfør\w*|sekretær for møtet|skrivar for møtet", "minute"),
    (r"signed|signert\w*|signer\w*|underskre\w*|underskriv\w*|skrive under|skreiv under|skrev under|underteikn\w*"
     r"|approved the minutes|godkjente protokollen|godkjende protokollen", "sign"),
    (r"chair\w*|presided|led the meeting|ledet|leda|leia|leidde|leiar|møteleder|møteleiar|ordstyrer", "chair"),
    (r"presentert\w*|presenterte|presented|presents|presenting|presentation\w*|la fram|la frem|lagt fram|lagt frem"
     r"|orienter\w*|innled\w*|innleidde|innleia|innleiing\w*|informerte|informert|informed|briefed"
     r"|gave (?:an? )?(?:update|briefing|overview|status)|introduced|introduc\w*|talked about|talked|spoke about|spoke|snakket om|snakka om"
     r"|(?:held|gave|give|gives|giving) (?:a|the) (?:talk|presentation|briefing|lecture)|raised|hadde innlegg|holdt innlegg|heldt innlegg|saksbehandl\w*|saksordfør\w*|case officer|case handler", "present"),
    (r"deltatt|deltok|deltek|deltar|delta|attended|attend|attends|attending|møtte|møtt|møter|var på|was at|were at"
     r"|til stede|til stades|was present|were present|present|came to|came|take part|took part", "attend"),
    (r"samarbeid\w*|collaborat\w*|cooperat\w*|co-operat\w*|jobb\w* sammen med|jobb\w* saman med|work\w* together with"
     r"|partner with|work with|works with|working with|jobber med|jobbar med|arbeider med|arbeidar med", "work"),
    # a working group is a body to ask about ("kven sit i arbeidsgruppa"), not work
    (r"jobb\w*|arbeid(?!s(?:grupp|utval))\w*|work(?!ing group)\w*|driv\w* med|holder på med|held på med|opptatt av|opptekne av|oppteken av|engaged in"
     r"|interested in|concerned with|engasjert i|engasjerte i"
     r"|focus\w* on|looking at|ser på|deal with|deals with|handler om|handlar om|dreier seg om|dreiar seg om|piloting|piloterer"
     # who made a thing the case is about ("who prepared the agreements", "kven utarbeidde avtalane")
     r"|prepared|drafted|utarbeid\w*", "work"),
    (r"finansier\w*|fund\w*|financ\w*|støtt\w*|støtte|tilskudd|tilskot|bevilg\w*|løyv\w*|grants?|granted|innvilg\w*"
     r"|tilsagn|get|got|gets|received|receive|fikk|fått|fekk|money|penger|pengar|midler|midlar|pays?|paid|betal\w*"
     r"|spend\w*|appl(?:y|ies|ying|ied) (?:for|to)|søk\w* om|søkjer|søker|søkt|costs?|koster|kostar"
     # money put aside for a purpose: "kor mykje vart sett av til X", "how much was set aside for X"
     r"|satt av|sett av|settes av|setjast av|sette av|avsatt|avsett|set aside|sets aside|earmark\w*"
     # a body's own share: "kor mykje går regionrådet inn med", "how much does X contribute"
     r"|(?:går|gjekk|gikk) (?:\w+ )?inn med|contribut\w*|bidrar|bidreg|bidro|bidra|spleis\w*", "fund"),
    # its particle alone, where the body between is read already ("går regionrådet inn med i X": no membership)
    (r"inn med", "fund"),
    (r"involved in|involved|er med i|med i|deltek i|deltar i|deltok i|deltatt i|part of|take part in|takes part in|taking part|participat\w*|members? of|medlem\w* av"
     r"|medlem\w* i|hører til|høyrer til|inngår(?: nå| no)? i|inngår|merged into|merged with|slått sammen med|slått saman med|del av|belong\w* to|connected to|knyttet til|knytte til|sit\w* in|sitter i|sit i|sat i|satt i|sete i", "member"),
    (r"owns?|owned|eier|eig\w*|runs|run by|leads the project|has|have|har", "own"),
    # "what is Kari to do", "kva skal Kari gjere": the modal verb is a stopword, the infinitive asks for tasks
    (r"responsible|ansvar\w*|who owns them|due|deadlines?|frist\w*|innen|send\w* to|sent to|sendast|sendes|svare|to do"
     r"|gjøre|gjere|gjera|reply to|respond to|answer to|write to|skrive til|svare på|svar til"
     r"|follow up|følge opp|følgje opp", "due"),
    (r"vedt\w*|decided|decide|decision\w*|beslut\w*|konklu\w*|conclu\w*|adopted|resolved|krevde|krev|demanded|position on|meiner|mener"
     r"|mean|syn på|sa om|sagt om|prioriter\w*|prioriti[sz]\w*|want in|vil prioritere", "decide"),
    # "hva står SUM for", "what does SUM stand for": the abbreviation is the argument
    (r"står|stand for|stands for|short for|forkortelse\w*|forkorting\w*|abbreviation\w*|acronym\w*", "stand_for"),
    (r"avlys\w*|cancel\w*|utsatt|postponed", "cancel"),
    # "the next meeting" is the one the minutes announce; "what comes next" any event ahead
    (r"next|neste|nestkommende|nestkomande|førstkommende|førstkomande", "next"),
    (r"upcoming|coming up|coming|come|comes|kommende|komande|kommer|kjem|planned|planlagt\w*|planlagde|framtidige|fremtidige"
     r"|future|skjer|happens|happening|takes place|take place|foregår|går føre seg", "upcoming"),
    (r"happened|happen|took place|skjedde|skjedd|hende|hendt", "happen"),
    (r"mentioned|mention|nevnt|nevnte|nemnt|nemnde|discussed|diskutert|drøftet|drøfta", "mention"),
    (r"reported|reports?|rapportert\w*|rapporterte|fortalte|fortalde|meldte om|meldte|melde", "report"),
    (r"rising|growing|trending|on the rise|økende|øker|aukar|aukande", "rise"),
    (r"been held|held|holdt|avholdt|haldne|halde", "held"),
    (r"contact person|contact|kontaktperson|kontakte|kontakt|talk to|snakke med", "contact"),
    (r"say about|says about|said about|sier om|seier om|står om|sier|seier|say|says", "say"),
]

# a second clause joined by "and/og" that asks for a wh-word ("…, og hvor mye?", "and who is responsible?",
# "og frå kven?", "and through which programme?"): the words that open it, before the wh-word
SECOND_CLAUSE = (r"(?:,\s*|\s)(?:and|og|or|eller)\s+(?:(?:from|fra|frå|with|med|through|gjennom|by|av|i|in|for|til|to"
                 r"|innen|innan|on|på)\s+)?(?=(?:who|whom|whose|which|what|how|when|where|hvem|kven|hvilke|hvilken"
                 r"|hvilket|hva|kva|hvor|kor|når|is|er|was|var|did|do|does|ble|vart)\b)")

# the column of an answer row a clause asks for (an action's responsible and deadline, a grant's amount and
# funder, a decision's dissenters) → the variables of a named query that hold it
COLUMNS = [
    (r"how much|how many|hvor mye|hvor mange|kor mykje|kor mange|what amount|which amount|hvilket beløp|kva beløp"
     r"|each year|hvert år|kvart år", "amount"),
    (r"from whom|from which|fra hvem|frå kven|fra hvilke\w*|frå kva|who pays|who paid|hvem betaler|kven betaler"
     r"|who funds|who funded|hvem finansierer|kven finansierer|asked for money|søkt pengar frå|søkt penger fra|søkes om"
     r"|which programme|which program|hvilket program\w*|kva program\w*|pot of money|through which", "funder"),
    (r"responsible|ansvar\w*|by whom|av hvem|av kven|who is to|hvem skal|kven skal", "responsible"),
    (r"deadlines?|frist\w*|innen når|innan når|by when|when is it due|due when", "deadline"),
    (r"voted against|vote against|stemte mot|stemde mot|røysta mot|røystet mot|against it", "against"),
    (r"partners?|partnere|partnarar|with whom|med hvem|med kven|sammen med hvem|saman med kven", "partner"),
    # who did the work for those who pay for it ("who carried it out", "kven utførte analysen")
    (r"carried it out|carries it out|carried out|who did it|gjennomførte|gjennomført|utførte|utført", "contractor"),
    (r"for what|what for|til hva|til kva|for hva|for kva|purpose|formål", "purpose"),
]
COLUMN_VARIABLES = {"amount": {"amount", "grants", "total"}, "funder": {"funder"}, "responsible": {"responsible"},
                    "deadline": {"deadline"}, "against": {"against"}, "partner": {"partner", "partners"},
                    "contractor": {"contractor"},
                    "purpose": {"purpose"}}

# a title asked for by another name than the minutes may give it → a pattern over the role as written: the
# English titles (role labels are Norwegian), and the rådmann, whom kommuneloven 2018 § 13-1 renamed kommunedirektør
TITLES = [
    (r"deputy mayor", "varaordfør"),
    (r"mayor", "ordfør"),
    (r"chief executive|rådm[ae]nn\w*|kommunedirektør\w*", "rådm[ae]nn|kommunedirektør"),
    (r"director", "direktør"),
]

# relations read before the others whatever their place (0), or only after them (2); the signers of the
# minutes (-1) answer with each one's role, so "who chaired and who signed" names the chair who signed too
RELATION_TIER = {"sign": -1, "absent": 0, "leave": 0, "partial": 0, "substitute": 0, "chair": 0, "minute": 0, "observe": 0, "recuse": 0, "guest": 0, "own": 2}

# a verb that names no relation of its own, read only when nothing else is ("kva møte var Per på")
WEAK_RELATIONS = [(r"var|was|were", "attend")]

# what a kind of answer asks when no verb says it ("which decisions about AI", "open actions for Eva")
RELATION_OF_KIND = {"decision": "decide", "action": "due", "case": "decide"}

# modifiers that choose among queries of one relation
MODIFIERS = [
    (r"most|flest|oftest|mest", "most"),
    (r"never|aldri", "never"),
    (r"first|først|første|fyrst|fyrste", "first"),
    (r"total|in total|samlet|samla|sum|per|each|hvert|hver|kvart|kvar", "each"),
    (r"open|åpne|åpen|opne|open", "open"),
    (r"overdue|past due|forfalt|forfalne|over fristen", "overdue"),
    (r"not|ikke|ikkje|no one|nobody|ingen", "not"),
    (r"former|formerly|tidligere|tidlegare|forhenværende|forhenverande|gamle|old", "former"),
]

# prepositions that turn a date into a filter bound
DATE_BOUNDS = [
    (r"after|since|from|etter|sidan|siden|fra|frå|f\.o\.m\.", "after"),
    (r"before|until|by|før|innen|innan|til", "before"),
    (r"between|mellom", "between"),
]

# courtesy and filler that change nothing ("please", "kan du si meg")
COURTESY = (r"please|pls|vennligst|gjerne|takk|thanks|can you tell me|could you tell me|tell me|kan du si meg|kan du fortelje"
            r"|kan du fortelle|kan du|could you|can you|i want to know|jeg lurer på|eg lurer på|according to these minutes"
            r"|according to the minutes|ifølge protokollen|ifølge referatet|i følge referatet|etter referatet")

# a case named by what it is about ("saka om lokalpressa", "the case about the local press"): the words after
# the noun and its preposition are the argument, the noun itself would match other words ("sakene")
ITEM_NOUNS = frozenset("sak saka saken saker sakene case cases item items matter punkt punktet orientering "
                       "orienteringa orienteringen".split())
ITEM_ABOUT = frozenset("om about on regarding concerning".split())

# words that join an argument to the rest and are never an argument alone
STOPWORDS = frozenset("""
a an the of in on at to for by from with about and or as is are was were be been being do does did has have had
it its this that these those there their they he she his her them we our us you your i me my what which who whom
whose how when where any some all each each one also now still just only then than so if not no
og eller i på av til for fra frå med om ved hos er var ble blei vart vert blir har hadde ha å som det den de dei
der her hva kva hvilke hvilken hvilket kven hvem når noen nokon noko nokre noe alle kvar hver hvert kvart sin sitt
sine si seg sig han hun ho dem deres deira eit ein en et ett the meeting møtet møte møta referatet referatene
protokollen minutes nå no også enn så bare berre kun vel da då made make gjort gjorde gjordt tatt teke
finnes fins finst exist exists there role roles rolle roller title tittel
skal skulle må måtte vil ville bør burde shall will would should must
""".split())
