// Given names across cultures, written from general knowledge, in Latin script (lower-case, with and
// without diacritics where both spellings are common). Complements the compromise lexicon, which is
// mostly English-speaking names. Entries are separated by whitespace.

const ENGLISH = `
aaron abby abigail ada adam adrian aidan alan alana albert alec alex alexander alexandra alexis alfred
alice alicia alison allan allison alvin amanda amber amelia amy andrew andy angela angie anita ann anna
anne annie anthony antony april archie arnold arthur ashley audrey austin barbara barry beatrice becky
ben benjamin bernard beth betty beverly bill billy blake bob bobby bonnie brad bradley brandon brenda
brendan brent brett brian bridget brittany brooke bruce bryan byron caitlin caleb calvin cameron carl
carla carol caroline carolyn carrie casey catherine cathy cecil chad charlene charles charlie charlotte
chelsea cheryl chester chloe chris christian christina christine christopher chuck cindy claire clara
clarence claude clayton clifford clint clive colin connie conor connor craig crystal curtis cynthia
dale dan dana daniel danielle danny darren darryl dave david dawn dean debbie deborah debra denise
dennis derek derrick desmond diana diane dick dolores don donald donna doris dorothy doug douglas duncan
dustin dwayne dwight dylan earl ed eddie edgar edith edmund edna edward edwin eileen elaine eleanor
elijah elizabeth ella ellen ellie elliot elsie emily emma eric erica erik erin ernest ethan eugene eva
evan evelyn faith felicity fiona florence floyd frances francis frank franklin fred freddie frederick
gail gareth garry gary gavin gemma gene geoffrey george georgia gerald geraldine gilbert gillian gladys
glen glenn gloria gordon grace graham grant greg gregory gwen hailey hannah harold harriet harry harvey
hazel heather heidi helen henry herbert howard hugh hugo ian imogen irene iris isaac isabel isabella
isla ivan jack jackie jacob jacqueline jake james jamie jane janet janice jared jasmine jason jay jean
jeff jeffrey jenna jennifer jenny jeremy jerome jerry jesse jessica jill jim jimmy jo joan joanna joanne
jodie joe joel john johnny jon jonathan jordan joseph josephine josh joshua joy joyce judith judy julia
julian julie june justin karen kate katherine kathleen kathryn kathy katie kay keith kelly ken kenneth
kent kerry kevin kim kimberly kirk kristen kurt kyle lance larry laura lauren lawrence leah lee leigh
leo leon leonard leslie lewis liam lillian lily linda lindsay lisa liz lloyd logan lois lorraine louis
louise lucas lucy luke lydia lynn madison malcolm mandy marcus margaret maria marie marilyn marion mark
marsha martha martin marvin mary mason matt matthew maureen maurice max megan melanie melissa melvin
mia michael michelle mick mike mildred miles milton mitchell molly monica morgan nancy naomi natalie
nathan neil nicholas nick nicola nicole nigel noah noel nora norma norman oliver olivia oscar owen paige
pam pamela patricia patrick paul paula pauline peggy penny percy peter phil philip phillip phoebe
phyllis rachel ralph randy ray raymond rebecca reginald rex rhys richard rick ricky rita rob robert
roberta robin rodney roger roland ron ronald rosa rose rosemary ross roy ruby russell ruth ryan sally
sam samantha samuel sandra sara sarah scott sean seth shane shannon sharon shaun shawn sheila shelley
shirley sidney simon sophie stacy stanley stella stephanie stephen steve steven stewart stuart sue susan
suzanne sydney sylvia tammy tanya ted teresa terry thelma theodore thomas tim timothy tina toby todd tom
tommy toni tony tracy travis trevor troy tyler valerie vanessa vera vernon veronica vicky victor
victoria vincent violet virginia vivian wade walter wanda warren wayne wendy wesley wilbur will william
willie wilma winston yvonne zachary zoe
`;

const ROMANCE = `
adriana agustín agustin alberto alejandra alejandro alfonso alfredo alicia álvaro alvaro ana andrea
andrés andres ángel angel antonio araceli armando arturo beatriz benito blanca bruno camila carlos
carmen carolina catalina cecilia césar cesar claudia concepción consuelo cristian cristina daniela
diego dolores eduardo elena elisa emilio enrique esteban eva federico felipe fernando francisco gabriel
gabriela gerardo gloria gonzalo guadalupe guillermo gustavo héctor hector hugo ignacio inés ines isabel
jaime javier jesús jesus joaquín joaquin jorge josé jose josefa juan juana julio laura leonardo lorena
lourdes lucía lucia luis luisa manuel manuela marcela marco marcos margarita mariana mario marta martín
mateo mercedes miguel mónica natalia nicolás nicolas óscar pablo paola patricio pedro pilar rafael
ramón ramon raúl raul ricardo roberto rocío rodrigo rosario salvador santiago sebastián sebastian sergio
silvia sofía sofia susana teresa tomás valentina verónica vicente víctor xavier yolanda
joão joao antónio gonçalo rui nuno tiago paulo sérgio vítor vitor luís duarte filipe afonso inês
mariana beatriz leonor matilde rita luana thiago caio gustavo leandro rodrigo vinícius
fabiana daniela aline juliana bruna larissa letícia renata simone adriano
alain alexandre amélie anaïs antoine arnaud aurélie bastien benoît brigitte camille céline chantal
christophe claude clément delphine denis didier dominique élise émile émilie étienne fabien fabrice
florian françois francois frédéric gaël geneviève gérard guillaume hélène henri isabelle jacques
jean-claude jean-luc jean-marc jean-paul jean-pierre jérôme joël julien laetitia laurent léa léon
lucien luc manon marcel marguerite mathieu mathilde maxime michel monique mireille nathalie nicolas
noémie olivier pascal patrice philippe pierre quentin raphaël régis rémi renée sandrine sébastien
serge solène stéphane sylvie thierry thibault valérie vincent yann yannick yves zoé
alessandro alessia alberto alfio andrea angelo antonella antonio arianna beatrice bruno carlo chiara
claudio cristiano daniele davide domenico elena elisa emanuele enrico enzo fabio fabrizio federica
federico filippo francesca francesco franco gabriele giacomo gianluca gianni giorgio giovanni giulia
giulio giuseppe giuseppina ilaria lorenzo luca luciano luigi marcello marco massimo matteo mattia
maurizio michele nicola paola paolo pietro raffaele riccardo roberta roberto rosa salvatore sara
silvio simona simone stefano tommaso valentina valerio vittorio
`;

const GERMANIC_NORDIC = `
andreas anja annika axel bärbel bernd birgit björn christoph dieter dirk elke erich ernst fabian frank
franz friedrich gerhard gisela günter günther hannah hannelore hans heike heinz helga helmut herbert
holger horst ingrid jan jannik jens joachim johann johannes jonas jörg jürgen karl karin katrin klaus
kurt lars lukas manfred marion markus martina matthias monika niklas nils norbert ralf reinhard renate
rolf rudolf sabine sebastian siegfried stefan steffen sven thorsten tobias torsten ulrich ursula uwe
volker walter werner wolfgang
aart anke annemarie bas bram daan dirk-jan eline femke floor gerrit hendrik henk jaap jeroen joost
jurgen kees koen lieke luuk maarten mark-jan niels pieter rutger sander sanne stijn thijs tim wim
wouter antje bettina ineke
agnes anders anneli arne åsa asa astrid birgitta bjørn bjorn britt camilla eero elin erik espen frida
gunnar hanna hans-erik hedda helena henrik ida inger ingrid jarl johan jonna kajsa karl-erik kari
kasper kjell knut lasse leif lena linnea magnus malin mats mikael morten nils oskar ole ola peder per
ragnar rasmus runar sigrid sigurd solveig stig sune svea sven terje thor tor tove trond ulf ulla vidar
aila aino aleksi antti eetu eija eino elina esa hannu heikki ilkka jaakko jari juha juhani
jukka jussi kaarina kalle kari kimmo lauri leena markku matti mikko minna niko oiva olli outi paavo
pekka pertti petri raimo riitta risto sami seppo taneli tapani tapio teemu timo tuomas tuula
ville
`;

const CENTRAL_EASTERN = `
ádám adam ágnes agnes andrás andras anikó attila balázs balazs bence boglárka dániel dorottya edit
erzsébet eszter ferenc gábor gabor gergely györgy gyorgy ildikó imre irén istván istvan jános janos
judit julianna katalin kata krisztina lajos lászló laszlo levente márk márta
mihály miklós nándor norbert orsolya péter réka róbert sándor sandor szilvia tamás tamas
tibor viktória zoltán zoltan zsófia zsolt zsuzsanna
aleš alena aneta bohumil dagmar eva františek hana ivana jana jarmila jaroslav jindřich jiří jiri
josef kamila karel kateřina ladislav lenka libor lucie lukáš marek markéta martina michaela milan
miloslav miroslav monika ondřej pavel pavla petr petra radek radka stanislav tereza tomáš
václav vaclav věra veronika vladimír vojtěch zdeněk zuzana
agnieszka aleksander aleksandra andrzej anna barbara bartosz beata bogdan danuta dariusz dorota ewa
grażyna grzegorz halina irena jacek jadwiga jakub janina jerzy joanna józef kamil katarzyna kazimierz
krystyna krzysztof łukasz maciej małgorzata marcin mariusz marzena michał mirosław natalia paweł
piotr przemysław rafał renata robert ryszard sławomir stanisław szymon tadeusz teresa tomasz wiesław
witold władysław wojciech zbigniew zofia
aleksandr aleksei alexei alexey anastasia anatoly andrei andrey anton arkady boris dmitri dmitry
ekaterina elena evgeny fyodor galina gennady grigory igor ilya irina ivan katya konstantin ksenia
larisa leonid lyudmila maksim maxim mikhail nadezhda natasha nikita nikolai nikolay oleg olga pavel
pyotr roman ruslan semyon sergei sergey stanislav svetlana tatiana tatyana timur vadim valentin
valery vasily viktor vitaly vladimir vladislav yaroslav yekaterina yelena yevgeny yuri yury
zhanna zinaida oksana olena petro taras bohdan mykola volodymyr yulia
aleksandar bojan branko darko dejan dragan dušan goran ivana jelena jovan marija marko milan
miloš miroslav nebojša nemanja nikola predrag radovan slobodan snežana srđan stefan vesna vladimir
zoran željko ante ivica josip luka mario mate stjepan tomislav zvonimir janez matej primož
rok tadej urška žiga anže nejc
georgios giorgos dimitris dimitrios konstantinos nikos nikolaos yannis ioannis kostas panagiotis
christos vasilis eleni maria katerina sofia despina
ahmet ali aylin ayşe ayse burak can cem deniz emre emine elif fatma gökhan hakan hasan
hüseyin ibrahim kemal mehmet mustafa murat necati oğuz osman özge selin serkan tolga yusuf zeynep
`;

const ASIAN_MIDEAST_AFRICAN = `
aarav abhishek aditi aditya ajay akash akshay amit amita amitabh anand anil anita anjali ankit ankur
anupam arjun arun aruna ashok deepa deepak deepika dev divya gaurav geeta gita gopal harish hari
harsh indira jaya karan kavita kiran krishna kumar lakshmi lalit madhu mahesh manish manoj meena
mohan mukesh nandini naveen neha nikhil nisha pooja prakash pranav prasad prateek priya rahul raj
raja rajesh rakesh ram ramesh rani ravi rekha rishi rohan rohit sachin sanjay santosh sarita
shankar sharad shilpa shiva shreya shyam sita sneha sonia srinivas subhash sudhir sunil sunita
suresh sushma swati tarun uma usha varun vijay vikas vikram vinay vinod vivek yash yogesh
 bishnu ganesh gita
aiguo bao bin bo chang chao chen cheng chun dan dong fang fei feng gang guang guo hai hao hong hua
hui jia jian jiang jie jin jing jun kai lan lei li lian liang lin ling liu long mei min ming na
ning peng ping qiang qing rong shan sheng shu tao ting wei wen xia xiang xiao xin xiu xue yan yang
yi ying yong yu yuan yun zhen zhi zhong zhou
akira aiko ayumi daisuke haruka haruto hideki hiroki hiroshi hiroto kaito kazuki kenji kenta
koji makoto masato minoru naoki natsuki nobu ryo ryota sakura satoshi shinji shota sora
takashi takumi takeshi tomoko yuki yuko yumi yusuke yuta yuto kaori kei
ji-hoon ji-woo min-jun seo-yeon hye-jin jae-hyun sung-min young-ho dong-hyun eun-ji soo-jin
minh anh duc hung huong lan linh mai nam ngoc phuong quang thanh thu trang tuan tuyet
abdul abdullah abdulrahman ahmad ahmed aisha ali amina amir amira anwar ayman aziz bashir fadi
farah farid fatima fatma faisal hamza hana hassan hussein ibrahim imran ismail jamal karim khalid
khalil laila layla mahmoud malik mariam maryam mohamed mohammad mohammed muhammad mustafa nabil
nadia nasser noor omar rania rashid salem salma samir sami sara tariq walid yasmin yasser yousef
youssef zaid zainab ziad
ali-reza dariush farhad hossein mehdi parisa reza shirin
abebe adebayo ade chidi chinedu emeka femi folake kwame kofi ngozi nkosi obinna oluwaseun sipho
tendai thabo wanjiru yaw zanele
`;

/** Every given name above, lower-cased. */
export const EXTRA_FIRST_NAMES: readonly string[] =
  `${ENGLISH} ${ROMANCE} ${GERMANIC_NORDIC} ${CENTRAL_EASTERN} ${ASIAN_MIDEAST_AFRICAN}`
    .split(/\s+/)
    .filter(Boolean);
