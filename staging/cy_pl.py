# Welsh (cy) and Polish (pl) descriptions of the 32 services in data/services.csv (before issue 14).
CY_PL = {
    "samaritans-helpline": (
        "Gwasanaeth gwrando rhad ac am ddim a chyfrinachol i unrhyw un sy'n cael trafferth ymdopi, ddydd neu nos, bob dydd o'r flwyddyn. Nid yw'r rhif yn ymddangos ar eich bil ffôn. Gallwch hefyd anfon e-bost, ysgrifennu llythyr neu ymweld â changen leol.",
        "Bezpłatna i poufna linia wsparcia dla każdego, komu trudno sobie poradzić, w dzień i w nocy, przez cały rok. Numer nie pojawia się na rachunku telefonicznym. Można też napisać e-mail lub list albo odwiedzić lokalny oddział.",
    ),
    "childline": (
        "Help rhad ac am ddim a chyfrinachol i blant a phobl ifanc hyd at 19 oed gydag unrhyw beth sy'n eu poeni, ar y ffôn unrhyw bryd, neu drwy sgwrs 1-i-1, e-bost a byrddau negeseuon ar wefan Childline.",
        "Bezpłatna i poufna pomoc dla dzieci i młodzieży do 19 lat w każdej sprawie, która je martwi: telefonicznie o każdej porze albo przez czat 1 na 1, e-mail i fora na stronie Childline.",
    ),
    "prisoners-families-helpline": (
        "Llinell gymorth rad ac am ddim a chyfrinachol i unrhyw un sydd â pherthynas neu ffrind yn y carchar neu sy'n mynd drwy'r system cyfiawnder troseddol yng Nghymru a Lloegr. Mae staff a gwirfoddolwyr yn rhoi gwybodaeth am ymweliadau a chadw mewn cysylltiad, cefnogaeth emosiynol, a chysylltiadau â help arall. Caiff galwyr o'r Alban a Gogledd Iwerddon eu rhoi mewn cysylltiad â Families Outside a NIACRO.",
        "Bezpłatna i poufna infolinia dla każdego, czyj krewny lub przyjaciel jest w więzieniu albo przechodzi przez wymiar sprawiedliwości w Anglii i Walii. Pracownicy i wolontariusze informują o widzeniach i utrzymywaniu kontaktu, dają wsparcie emocjonalne i wskazują inną pomoc. Osoby dzwoniące ze Szkocji i Irlandii Północnej są kierowane do Families Outside i NIACRO.",
    ),
    "families-outside-helpline": (
        "Llinell gymorth rad ac am ddim i deuluoedd yn yr Alban y mae carchar yn effeithio arnynt: gwybodaeth ymarferol a chefnogaeth emosiynol am ymweld, tai, arian, plant ac ymdopi. Gallwch hefyd ddefnyddio'r sgwrs ar y we ar y wefan neu anfon FAMOUT a'ch neges at 60777.",
        "Bezpłatna infolinia dla rodzin w Szkocji dotkniętych uwięzieniem bliskiej osoby: praktyczne informacje i wsparcie emocjonalne w sprawie widzeń, mieszkania, pieniędzy, dzieci i radzenia sobie. Można też skorzystać z czatu na stronie albo wysłać SMS o treści FAMOUT i swoją wiadomość na numer 60777.",
    ),
    "help-with-prison-visits": (
        "Cynllun y llywodraeth sy'n helpu perthnasau agos, partneriaid ac unig ymwelwyr ar incwm isel neu ar fudd-daliadau penodol gyda chost teithio i ymweld â rhywun yn y carchar. Gwneir hawliadau ar-lein; mae llinell ffôn yn helpu pobl na allant hawlio ar-lein a gall anfon ffurflen bapur.",
        "Rządowy program, który pomaga bliskim krewnym, partnerom i jedynym odwiedzającym o niskich dochodach lub pobierającym niektóre zasiłki pokryć koszt dojazdu na widzenie z osobą w więzieniu. Wnioski składa się przez internet; linia telefoniczna pomaga osobom, które nie mogą złożyć wniosku online, i może wysłać formularz papierowy.",
    ),
    "citizens-advice": (
        "Cyngor rhad ac am ddim, cyfrinachol ac annibynnol ar fudd-daliadau, dyledion ac arian, tai, gwaith, problemau defnyddwyr a phroblemau cyfreithiol, ar-lein, ar y ffôn ac yn swyddfeydd lleol Cyngor ar Bopeth ledled y DU.",
        "Bezpłatne, poufne i niezależne porady w sprawie zasiłków, długów i pieniędzy, mieszkania, pracy, praw konsumenta i problemów prawnych: przez internet, telefonicznie i w lokalnych biurach Citizens Advice w całej Wielkiej Brytanii.",
    ),
    "shelter-housing-advice": (
        "Elusen tai a digartrefedd sy'n rhoi cyngor arbenigol i bobl sy'n ddigartref, mewn perygl o golli eu cartref neu'n byw mewn tai gwael, gan gynnwys llinell gymorth frys rad ac am ddim sydd ar agor bob dydd o'r flwyddyn; gweler y wefan am y rhif a chyngor ar-lein.",
        "Organizacja charytatywna zajmująca się mieszkalnictwem i bezdomnością, udzielająca fachowych porad osobom bezdomnym, zagrożonym utratą mieszkania lub mieszkającym w złych warunkach, w tym przez bezpłatną infolinię interwencyjną czynną przez cały rok; numer i porady online są na stronie internetowej.",
    ),
    "pact-family-services": (
        "Elusen genedlaethol sy'n gweithio mewn mwy na 60 o garchardai yng Nghymru a Lloegr. Mae'n rhedeg canolfannau ymwelwyr carchardai a mannau chwarae, gweithwyr ymgysylltu â theuluoedd, cefnogaeth i deuluoedd yn y llys, cyrsiau perthynas a rhianta, a chefnogaeth ar ôl rhyddhau.",
        "Ogólnokrajowa organizacja charytatywna działająca w ponad 60 więzieniach w Anglii i Walii. Prowadzi centra dla odwiedzających i kąciki zabaw, pracowników wspierających rodziny, pomoc dla rodzin w sądzie, kursy o związkach i rodzicielstwie oraz wsparcie po zwolnieniu.",
    ),
    "pact-visitors-guides": (
        "Canllawiau ar-lein i ymwelwyr ar gyfer carchardai yng Nghymru a Lloegr: sut i drefnu ymweliad, pa ddogfen adnabod i ddod â hi, y cod gwisg, beth gallwch fynd i mewn gyda chi i blant, sut i gadw mewn cysylltiad wedyn, a, lle mae ar gael, rhif Safer Custody y carchar ar gyfer pryderon brys am rywun y tu mewn.",
        "Przewodniki online dla odwiedzających więzienia w Anglii i Walii: jak zarezerwować widzenie, jaki dokument tożsamości zabrać, zasady ubioru, co można wnieść dla dzieci, jak utrzymywać kontakt później oraz, jeśli jest dostępny, numer Safer Custody więzienia na pilne obawy o osobę przebywającą w środku.",
    ),
    "apf-publications": (
        "Elusen genedlaethol i deuluoedd carcharorion a gynhyrchodd daflenni, cyfeiriadur gwasanaethau ar gyfer y DU gyfan, llyfrau stori i blant ('Finding Dad', 'Danny's Mum', 'Tommy's Dad') a'r DVD 'Homeward bound' am dad yn dod adref o'r carchar.",
        "Ogólnokrajowa organizacja charytatywna dla rodzin więźniów, która wydawała ulotki, katalog usług dla całej Wielkiej Brytanii, książeczki dla dzieci ('Finding Dad', 'Danny's Mum', 'Tommy's Dad') oraz film DVD 'Homeward bound' o ojcu wracającym do domu z więzienia.",
    ),
    "prison-reform-trust-advice": (
        "Cyngor a gwybodaeth rad ac am ddim i bobl yn y carchar a'u teuluoedd am reolau a gweithdrefnau carchardai, dedfrydau, iechyd, ffydd, cwynion a threfnu pethau y tu allan. Gellir argraffu ei ganllawiau cyngor a'u hanfon at rywun yn y carchar.",
        "Bezpłatne porady i informacje dla osób w więzieniu i ich rodzin o zasadach i procedurach więziennych, wyrokach, zdrowiu, wierze, skargach i załatwianiu spraw na zewnątrz. Poradniki można wydrukować i wysłać osobie w więzieniu.",
    ),
    "storybook-dads": (
        "Mae rhieni yn y carchar yn recordio stori amser gwely, sy'n cael ei golygu gyda cherddoriaeth ac effeithiau sain a'i hanfon at eu plentyn ar CD neu DVD neu drwy ap Storybook Dads. Mae'n rhedeg mewn tua 100 o garchardai, gan gynnwys carchardai menywod (fel Storybook Mums), ac mae am ddim yn y rhan fwyaf.",
        "Rodzice w więzieniu nagrywają bajkę na dobranoc, która jest montowana z muzyką i efektami dźwiękowymi i wysyłana dziecku na płycie CD lub DVD albo przez aplikację Storybook Dads. Program działa w około 100 więzieniach, także kobiecych (jako Storybook Mums), i w większości jest bezpłatny.",
    ),
    "kids-vip": (
        "Elusen sy'n hyrwyddo ymweliadau carchar sy'n gyfeillgar i blant. Mae'n hyfforddi staff carchardai a gweithwyr chwarae ac wedi cynhyrchu canllaw arfer da ar blant yn ymweld â charchardai, DVD yn dangos sut beth yw ymweliad carchar i blentyn, a phecyn cymorth ar gyfer cynnal diwrnodau teulu.",
        "Organizacja charytatywna promująca widzenia w więzieniach przyjazne dzieciom. Szkoli personel więzienny i animatorów zabaw, wydała poradnik dobrych praktyk o odwiedzinach dzieci w więzieniach, film DVD pokazujący, jak widzenie wygląda z perspektywy dziecka, oraz zestaw materiałów do organizowania dni rodzinnych.",
    ),
    "i-hop": (
        "Canolfan wybodaeth i weithwyr proffesiynol sy'n gweithio gyda phlant a theuluoedd pobl yn y carchar, a redir gan Barnardo's gyda POPS: ymchwil, canllawiau ymarfer a phecynnau cymorth, hyfforddiant a chyfeiriadur gwasanaethau. Am ddim i ymuno.",
        "Centrum informacji dla specjalistów pracujących z dziećmi i rodzinami osób w więzieniu, prowadzone przez Barnardo's wspólnie z POPS: badania, poradniki i materiały praktyczne, szkolenia i katalog usług. Dołączenie jest bezpłatne.",
    ),
    "upfamilies": (
        "Prosiect Erasmus+ Ewropeaidd i fapio gwasanaethau i deuluoedd carcharorion a'u cynnig mewn ap symudol, gyda chwrs hyfforddi a llawlyfr i sefydliadau a gwirfoddolwyr wedi'u cyhoeddi ar-lein yn Saesneg, Sbaeneg, Portiwgaleg, Almaeneg, Groeg a Rwmaneg.",
        "Europejski projekt Erasmus+, który tworzy mapę usług dla rodzin więźniów i udostępnia je w aplikacji mobilnej, wraz z kursem szkoleniowym i podręcznikiem dla organizacji i wolontariuszy opublikowanymi online po angielsku, hiszpańsku, portugalsku, niemiecku, grecku i rumuńsku.",
    ),
    "cope-network": (
        "Rhwydwaith Ewropeaidd o sefydliadau ac unigolion sy'n gweithio dros blant sydd â rhiant yn y carchar, gyda thîm staff ger Paris. Mae'n codi ymwybyddiaeth ymhlith gwasanaethau carchardai, asiantaethau lles plant a llunwyr polisi, yn hyfforddi gweithwyr proffesiynol, ac mae ei aelodau'n cynnwys sefydliadau cymorth mewn llawer o wledydd Ewrop.",
        "Ogólnoeuropejska sieć organizacji i osób działających na rzecz dzieci, których rodzic jest w więzieniu, z zespołem pod Paryżem. Uwrażliwia służbę więzienną, instytucje opieki nad dziećmi i decydentów, szkoli specjalistów, a jej członkami są organizacje wsparcia z wielu krajów Europy.",
    ),
    "families-outside-support": (
        "Elusen yn yr Alban sy'n gweithio i deuluoedd y mae carchar yn effeithio arnynt yn unig. Mae gweithwyr cymorth i deuluoedd yn rhoi cefnogaeth un-i-un yn y gymuned ledled yr Alban, mae gwaith grŵp a chymorth cymheiriaid yn dod â theuluoedd at ei gilydd, ac mae'n cydlynu canolfannau ymwelwyr carchardai ledled yr Alban.",
        "Szkocka organizacja charytatywna działająca wyłącznie na rzecz rodzin dotkniętych uwięzieniem bliskiej osoby. Pracownicy wsparcia rodzin pomagają indywidualnie w społeczności w całej Szkocji, zajęcia grupowe i wsparcie rówieśnicze łączą rodziny, a organizacja koordynuje centra dla odwiedzających więzienia w całej Szkocji.",
    ),
    "niacro-family-links": (
        "Cefnogaeth annibynnol i deuluoedd pobl yn y carchar yng Ngogledd Iwerddon. Ar ôl i'w perthynas yn y carchar eu cyfeirio, mae'r staff yn cysylltu â'r teulu o fewn 24 awr ac yn cynnig gwybodaeth am ymweld, cadw mewn cysylltiad, cludiant i'r carchar, budd-daliadau ac arian, ysgol a gwasanaethau eraill, yn ogystal â chefnogaeth emosiynol.",
        "Niezależne wsparcie dla rodzin osób w więzieniu w Irlandii Północnej. Gdy krewny w więzieniu skieruje do nich rodzinę, pracownicy kontaktują się z nią w ciągu 24 godzin i informują o widzeniach, utrzymywaniu kontaktu, dojeździe do więzienia, zasiłkach i pieniądzach, szkole i innych usługach, a także dają wsparcie emocjonalne.",
    ),
    "niacro-scope": (
        "Cefnogaeth i blant a phobl ifanc hyd at 18 oed yn ardal Belfast Fwyaf sydd â rhiant, brawd neu chwaer yn y carchar, gan gynnwys help i ddeall beth sy'n digwydd pan fydd rhywun yn y ddalfa.",
        "Wsparcie dla dzieci i młodzieży do 18 lat z okolic Belfastu, których rodzic, brat lub siostra jest w więzieniu, w tym pomoc w zrozumieniu, co się dzieje, gdy ktoś trafia do aresztu.",
    ),
    "barnardos-ni-parenting-matters": (
        "Mae Barnardo's NI yn gweithio gyda rhieni yn HMP Maghaberry, HMP Magilligan a Hydebank Wood: cyrsiau rhianta, ymweliadau teulu ychwanegol sy'n canolbwyntio ar y plentyn a pharatoi ar gyfer rhyddhau. Mae hefyd yn helpu rhieni a gofalwyr y tu allan i benderfynu beth i'w ddweud wrth blant a gwneud y gorau o ymweliadau, ac mae ganddo lyfrau gweithgareddau i blant sy'n ymweld â'r carchar.",
        "Barnardo's NI pracuje z rodzicami w HMP Maghaberry, HMP Magilligan i Hydebank Wood: kursy dla rodziców, dodatkowe widzenia rodzinne skupione na dziecku i przygotowanie do zwolnienia. Pomaga też rodzicom i opiekunom na wolności zdecydować, co powiedzieć dzieciom i jak najlepiej wykorzystać widzenia, oraz ma książeczki z zadaniami dla dzieci odwiedzających więzienie.",
    ),
    "maghaberry-family-officers": (
        "Mae gan HMP Maghaberry swyddogion cymorth i deuluoedd: swyddogion carchar sy'n gyfrifol am gyswllt â theuluoedd, sy'n helpu teuluoedd y tu mewn i'r carchar ac yn eu cysylltu ag asiantaethau cymorth yn y gymuned, dros y ffôn neu wyneb yn wyneb. Caiff ymweliadau â Maghaberry a Magilligan eu trefnu drwy'r swyddfa archebu ymweliadau.",
        "W HMP Maghaberry działają funkcjonariusze wsparcia rodzin: funkcjonariusze więzienni odpowiedzialni za kontakt z rodzinami, którzy pomagają rodzinom na terenie więzienia i łączą je z organizacjami wsparcia w społeczności, telefonicznie lub osobiście. Widzenia w Maghaberry i Magilligan rezerwuje się w biurze rezerwacji widzeń.",
    ),
    "nepacs-family-support": (
        "Elusen yn Durham sy'n cefnogi teuluoedd carcharorion yng Ngogledd-ddwyrain Lloegr: cefnogaeth yn y llysoedd, canolfannau ymwelwyr, barrau te a chwarae mewn carchardai ar draws y rhanbarth, prosiectau ieuenctid, grantiau caledi bach a gwyliau i deuluoedd carcharorion.",
        "Organizacja charytatywna z Durham wspierająca rodziny więźniów w północno-wschodniej Anglii: pomoc w sądach, centra dla odwiedzających, bufety i zabawy w więzieniach w całym regionie, projekty dla młodzieży, niewielkie zapomogi i wyjazdy wakacyjne dla rodzin więźniów.",
    ),
    "nepacs-helpline": (
        "Llinell gymorth rad ac am ddim i bobl yn y Gogledd-ddwyrain sydd ag anwylyd sydd wedi'i arestio, yn y llys, yn y carchar neu'n cael ei ryddhau: clust i wrando a gwybodaeth am beth sy'n digwydd nesaf. Gallwch hefyd anfon neges destun neu e-bost.",
        "Bezpłatna infolinia dla mieszkańców północnego wschodu Anglii, których bliska osoba została zatrzymana, jest w sądzie, w więzieniu lub wychodzi na wolność: wysłuchanie i informacje o tym, co będzie dalej. Można też wysłać SMS lub e-mail.",
    ),
    "pops-family-support": (
        "Elusen ym Manceinion a sefydlwyd gan deuluoedd carcharorion ar gyfer teuluoedd carcharorion. Mae'n rhedeg canolfannau ymwelwyr carchardai yn y Gogledd-orllewin a Swydd Efrog, gweithwyr cymorth a chyswllt i deuluoedd, cefnogaeth i deuluoedd pan gaiff rhywun ei ryddhau i Fanceinion Fwyaf, rhaglenni cyflogadwyedd a chanolfan i fenywod yn Oldham.",
        "Organizacja charytatywna z Manchesteru założona przez rodziny więźniów dla rodzin więźniów. Prowadzi centra dla odwiedzających więzienia w północno-zachodniej Anglii i Yorkshire, pracowników wsparcia i łączników rodzinnych, pomoc dla rodzin, gdy ktoś wychodzi na wolność do Greater Manchester, programy aktywizacji zawodowej i centrum dla kobiet w Oldham.",
    ),
    "ormiston-prison-family-services": (
        "Elusen yn Nwyrain Lloegr sy'n croesawu teuluoedd mewn canolfannau ymwelwyr carchardai yn Norfolk, Suffolk ac Essex gyda chyngor, lluniaeth a chwarae i blant. Drwy ei rhaglen Unite mae'n cynnal ymweliadau plant a chyswllt â theuluoedd, ac mae 'Dylan's Story' yn helpu plant i baratoi ar gyfer eu hymweliad cyntaf â'r carchar.",
        "Organizacja charytatywna ze wschodniej Anglii, która wita rodziny w centrach dla odwiedzających więzienia w Norfolk, Suffolk i Essex, oferując porady, poczęstunek i zabawy dla dzieci. W ramach programu Unite organizuje widzenia dzieci i kontakt z rodzinami, a 'Dylan's Story' pomaga dzieciom przygotować się do pierwszego widzenia w więzieniu.",
    ),
    "ormiston-breaking-barriers": (
        "Cwnsela i blant a phobl ifanc y mae carcharu aelod o'r teulu yn effeithio arnynt: lle heb farnu i siarad am eu teimladau a dysgu ffyrdd o ymdopi.",
        "Terapia dla dzieci i młodzieży dotkniętych uwięzieniem członka rodziny: przestrzeń wolna od ocen, w której mogą porozmawiać o swoich uczuciach i nauczyć się sposobów radzenia sobie.",
    ),
    "halow-birmingham": (
        "Elusen yn Birmingham a ddechreuwyd yn yr 1980au gan wragedd carcharorion i helpu teuluoedd i gadw cysylltiadau da â pherthynas yn y carchar. Bu'n rhedeg canolfannau ymwelwyr carchardai yng Ngorllewin a Dwyrain Canolbarth Lloegr am flynyddoedd lawer; mae'r rhain bellach wedi symud i ddarparwyr eraill. Mae'n cynnal rhaglenni teulu fel 'Jolly Tots' i garcharorion sydd â phlant 0 i 2 oed.",
        "Organizacja charytatywna z Birmingham założona w latach 80. przez żony więźniów, aby pomagać rodzinom utrzymać dobre więzi z krewnym w więzieniu. Przez wiele lat prowadziła centra dla odwiedzających więzienia w West i East Midlands; przejęli je później inni usługodawcy. Prowadzi programy rodzinne, takie jak 'Jolly Tots' dla więźniów z dziećmi w wieku od 0 do 2 lat.",
    ),
    "families-do-matter": (
        "Prosiect a noddwyd gan y Gwasanaeth Rheoli Troseddwyr Cenedlaethol a ddaeth â sefydliadau carchar a chymunedol at ei gilydd yng Ngorllewin Canolbarth Lloegr i helpu pobl yn y carchar i gadw a chryfhau eu perthynas â'u plant a'u teuluoedd.",
        "Projekt wspierany przez National Offender Management Service, który połączył więzienia i organizacje społeczne w West Midlands, aby pomóc osobom w więzieniu utrzymać i wzmocnić więzi z dziećmi i rodzinami.",
    ),
    "tvp-family-approaches": (
        "Rhaglen elusen yn Nyffryn Tafwys sy'n cefnogi plant a theuluoedd pobl yn y carchar: mae desgiau a staffir gan wirfoddolwyr yn Llysoedd y Goron yn Nyffryn Tafwys yn cefnogi teuluoedd adeg y ddedfryd, ochr yn ochr â hyfforddiant a rhwydweithiau lleol i weithwyr proffesiynol. Tyfodd o'r rhaglen Family Matters.",
        "Program organizacji charytatywnej z Thames Valley wspierający dzieci i rodziny osób w więzieniu: punkty obsługiwane przez wolontariuszy w sądach koronnych w Thames Valley wspierają rodziny w chwili ogłoszenia wyroku, a obok tego działają szkolenia i lokalne sieci dla specjalistów. Program wyrósł z programu Family Matters.",
    ),
    "pff-london": (
        "Asiantaeth wirfoddol yn Llundain sydd wedi helpu ers tro deuluoedd a ffrindiau unrhyw un sydd wedi'i gadw yn y ddalfa neu wedi'i ddedfrydu i garchar, gyda gwybodaeth, cefnogaeth a thaflenni.",
        "Londyńska organizacja wolontariacka, która od dawna pomaga rodzinom i przyjaciołom osób tymczasowo aresztowanych lub skazanych na więzienie, udzielając informacji i wsparcia oraz wydając ulotki.",
    ),
    "spf-support-group": (
        "Cwmni buddiant cymunedol, a ddechreuwyd yn 2013, sy'n helpu teuluoedd yn Sussex i ymdopi'n emosiynol ac yn ymarferol pan fydd anwylyd yn y carchar. Mae teuluoedd yn cyfarfod yn rheolaidd mewn grŵp cymorth cymunedol i rannu cyngor a chefnogi ei gilydd, ac mae gwirfoddolwyr yn cynnig help i deuluoedd yn y llys.",
        "Przedsiębiorstwo społeczne założone w 2013 roku, które pomaga rodzinom w Sussex radzić sobie emocjonalnie i praktycznie, gdy bliska osoba jest w więzieniu. Rodziny spotykają się regularnie w grupie wsparcia, aby dzielić się radami i wspierać się nawzajem, a wolontariusze pomagają rodzinom w sądzie.",
    ),
    "spf-families-connected": (
        "Fforwm ar-lein lle mae teuluoedd sydd ag anwylyd yn y carchar yn cefnogi ei gilydd, yn gofyn cwestiynau ac yn rhannu'r hyn maen nhw wedi'i ddysgu, gyda theuluoedd eu hunain yn gymedrolwyr. Mae gwirfoddolwyr hyfforddedig yn rhoi cardiau waled am y fforwm yn HMP Lewes ac yn esbonio sut i ymuno.",
        "Forum internetowe, na którym rodziny z bliską osobą w więzieniu wspierają się nawzajem, zadają pytania i dzielą się tym, czego się nauczyły, a moderatorami są same rodziny. Przeszkoleni wolontariusze rozdają w HMP Lewes karty z informacją o forum i wyjaśniają, jak do niego dołączyć.",
    ),
}
