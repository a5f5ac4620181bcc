// Common family names across cultures, written from general knowledge, lower-case, whitespace-separated.
// Complements the compromise lexicon's last names.

const ENGLISH = `
adams allen anderson armstrong atkinson bailey baker baldwin ball banks barker barnes barrett barton
bates bell bennett berry bishop black blake bond booth bowen boyd bradley brooks brown bryant burke
burns burton butler byrne campbell carpenter carr carroll carter chambers chapman clark clarke cole
coleman collins cook cooper cox craig crawford cross cunningham curtis daniels davidson davies davis
dawson day dean dixon doherty douglas doyle duncan dunn edwards elliott ellis evans fisher fitzgerald
fleming fletcher ford forster foster fox fraser freeman fuller gardner gibson gilbert gordon graham
grant gray green griffin griffiths hall hamilton hancock hardy harper harris harrison hart harvey
hawkins hayes henderson hill hodges holland holmes hopkins howard hudson hughes hunt hunter jackson
james jenkins johnson johnston jones jordan kelly kennedy king knight lambert lane lawrence lawson lee
lewis lloyd long lynch marshall martin mason matthews maxwell may mcdonald mckenzie miller mills
mitchell moore morgan morris murphy murray newman nicholson norris obrien oneill o'brien o'neill owen
owens palmer parker parsons patel payne pearce pearson perry peters phillips porter powell price
quinn reed reid reynolds rhodes richards richardson riley roberts robertson robinson rogers rose ross
russell ryan saunders scott shaw simmons simpson smith spencer stevens stewart stone sullivan
sutton taylor thomas thompson thomson tucker turner walker wallace walsh ward warren watson watts
webb wells west white wilkinson williams williamson willis wilson wood woods wright young

`;

const EUROPEAN = `
álvarez alvarez blanco castillo castro cortés cruz delgado díaz diaz domínguez dominguez fernández
fernandez flores garcía garcia gil gómez gomez gonzález gonzalez gutiérrez gutierrez hernández
hernandez herrera iglesias jiménez jimenez lópez lopez marín martín martínez martinez medina méndez
molina morales moreno muñoz munoz navarro núñez ortega ortiz pérez perez ramírez ramirez ramos reyes
rodríguez rodriguez romero rubio ruiz sánchez sanchez santos serrano suárez suarez torres vargas
vázquez vazquez vega
almeida alves araújo barbosa cardoso carvalho costa dias ferreira gomes lima lopes machado martins
melo mendes monteiro nascimento oliveira pereira pinto ribeiro rocha silva soares sousa souza teixeira
bernard bertrand blanc bonnet boyer chevalier david dubois dufour dupont durand faure fontaine
fournier gauthier girard guerin lambert laurent lefebvre lefèvre legrand leroy martin mercier michel
moreau morel nicolas perrin petit renard richard robert roche rousseau roux simon vincent
bauer becker braun fischer frank friedrich fuchs hahn hartmann hoffmann hofmann huber jäger keller
klein koch köhler krause krüger lang lehmann meier meyer müller mueller neumann peters richter
schäfer schmid schmidt schmitt schneider scholz schreiber schröder schubert schulz schulze schwarz
schwartz sommer vogel wagner walter weber weiss werner wolf zimmermann
bakker bos boer graaf groot jong vries dekker jansen janssen meijer mulder peeters
smit dijk leeuwen visser willems
andersen andersson berg carlsson eriksson hansen johansson jensen karlsson larsen larsson lindberg
lindqvist lund mikkelsen nielsen nilsson olsen olsson pedersen persson petersen svensson
 korhonen laine mäkinen nieminen virtanen hämäläinen heikkinen koskinen järvinen
lehtonen
bianchi bruno colombo conti costa luca esposito ferrari fontana galli gallo greco lombardi
marino mancini moretti ricci rizzo romano russo santoro barbieri rinaldi caruso
balogh farkas horváth horvath kiss kovács kovacs lakatos mészáros molnár nagy németh oláh papp
simon szabó szabo szalai szilágyi takács tóth toth varga vass
černý dvořák horák kučera marek novák novotný pokorný procházka svoboda veselý
kowalski kowalczyk lewandowski nowak kamiński wiśniewski wójcik zieliński szymański woźniak
ivanov ivanova kuznetsov kuznetsova petrov petrova popov smirnov sokolov volkov morozov novikov
lebedev kozlov pavlov fedorov vasiliev orlov zaitsev shevchenko kovalenko bondarenko
jovanović petrović nikolić marković đorđević stojanović ilić kovačević horvat novak
papadopoulos papadakis georgiou nikolaidis
yilmaz yılmaz kaya demir şahin sahin çelik celik öztürk ozturk aydın aydin arslan doğan dogan
`;

const ASIAN_OTHER = `
agarwal bhatt banerjee chatterjee chopra das desai gupta iyer jain joshi kapoor khan kumar malhotra
mehta menon mishra nair pandey patel pillai rao reddy saxena shah sharma singh sinha srivastava
trivedi verma
bai cai cao chen cheng deng ding du fan fang feng gao gu guo han he hu huang jiang jin kong lai li
liang lin liu lu luo ma mao meng pan peng qian qin ren shen shi song su sun tan tang tian wan wang
wei wu xia xiao xie xu xue yan yang yao ye yin yu yuan zeng zhang zhao zheng zhou zhu
chan cheung chow chung ho kwan lam lau leung ng tsang wong yip
abe fujita fujii hayashi hirai ikeda inoue ito kato kimura kobayashi matsumoto mori nakamura
nakajima ogawa saito sakamoto sasaki suzuki takahashi tanaka watanabe yamada yamamoto yoshida

choi jang jung kang kim park shin yoon
nguyen tran le pham hoang phan vu dang bui do ngo duong
abbas abdullah ahmed al-ahmad aziz haddad hassan hussain ibrahim khalil mahmoud mansour mustafa nasser
rahman saleh salem yousef
adeyemi mensah okafor okonkwo nkosi
`;

/** Every family name above, lower-cased (particles such as "de"/"van" are handled as connectors instead). */
export const EXTRA_SURNAMES: readonly string[] = `${ENGLISH} ${EUROPEAN} ${ASIAN_OTHER}`
  .split(/\s+/)
  .filter(Boolean);
