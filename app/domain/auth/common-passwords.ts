/**
 * Passwords and password "cores" that attackers try first: the classic top lists (English)
 * plus French ones (azerty, motdepasse, soleil, first names, clubs, cities…), hand-kept.
 * Separated by white space; `password-rules.ts` also refuses these with digits/symbols around
 * them and in leetspeak, so "Motdepasse2024!" and "P@ssw0rd1234" count as common.
 * A maintained dictionary (@zxcvbn-ts/language-common + language-fr) would be the next step.
 */
export const commonPasswordsText = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou charlie robert thomas hockey ranger daniel starwars
klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass
maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew
access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret
merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick
internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken
sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow
xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654
porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston
q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender
barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper
enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn
fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden
8675309 panther lauren angela thx1138 angels madison winston shannon mike toyota blowme jordan23 canada sophie
apples tiger scorpio mercury arthur enjoy dolphin spirit 9999 bond007 hotdog pepsi patriots qwerty123 zaq12wsx
sandra snowball 2222 dolphins 1234abcd blazer eagle 654654 asdf1234 qweasd ranger1 pokemon qwertyui computer1
shadow1 monkey1 football1 welcome1 password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword
pa55word letmein1 iloveyou1 abc12345 abcdef abcdefg abcdefgh abcd1234 1qazxsw2 zaq1zaq1 qazwsxedc 1q2w3e4r5t
1q2w3e4r5t6y 1q2w3e 1q2w3e4r5t6y7u8i 123abc aa123456 a123456 a12345678 qwe123 qwe123456 asd123 zxc123
112233445566 147258369 159357 123654789 147852369 741852963 963852741 789456123 456789 1234554321 qwertz
qwertzuiop asdfghjkl asdfghjk zxcvbnm123 mnbvcxz poiuytrewq lkjhgfdsa 1qaz 2wsx 3edc 1qaz2wsx3edc qazxswedc
qwerty1 qwerty12 qwerty1234 qwertyuiop123 administrator admin admin123 admin1234 root toor guest user username
login changeme changeit default letmeout secret123 temp temp123 test123 test1234 testing demo sample system
server office work company business manager support service security passport payment money123 bank banking
master123 masterkey superuser supervisor operator private public qwerty12345 iloveu iloveyou2 loveyou lovely
loveme lover baby babygirl babyboy sweety sweetie sweetheart honey cutie beautiful angel1 princess1 flower1
sunshine1 butterfly rainbow starlight moonlight heaven freedom1 liberty america usa123 canada1 england london1
paris paris123 berlin madrid roma newyork chicago1 boston1 texas california florida hello123 hello1 welcome123
welcome2023 welcome2024 welcome2025 summer2023 summer2024 summer2025 winter2023 winter2024 winter2025
spring2024 autumn2024 january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring autumn fall jesus christ god blessed faith
trinity heaven1 lucifer devil satan hell demon 666 ghost zombie vampire wolf wolves lion tiger1 eagle1 falcon1
hawk shark dragon1 dragons unicorn pegasus phoenix1 griffin batman1 superman1 spiderman ironman hulk thor
captain avengers marvel pokemon1 pikachu naruto goku dragonball sasuke onepiece zelda mario luigi yoshi sonic
tetris minecraft fortnite roblox counter warcraft starcraft diablo2 halo gamer gaming player1 xbox360
playstation nintendo michael1 jennifer1 jessica1 ashley1 daniel1 david anderson johnson smith brown williams
jones garcia rodriguez martinez hernandez lopez gonzalez wilson thomas1 taylor1 moore jackson1 white harris
clark lewis robinson walker young allen king wright scott green baker adams nelson hill campbell mitchell
roberts carter phillips evans turner torres parker collins edwards stewart morris murphy cook rogers peter
paul john mark luke matthew1 james1 robert1 william1 richard1 joseph1 charles1 thomas2 christopher chris1
brian kevin jason jeff jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin1 scott1 brandon1
benjamin samuel frank gregory raymond alexander patrick1 jack dennis jerry tyler aaron jose adam henry nathan
douglas zachary kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin1
arthur1 lawrence jesse dylan bryan joe jordan1 billy bruce albert willie gabriel logan alan juan wayne roy
ralph randy eugene vincent russell elijah louis bobby philip johnny1 mary patricia linda barbara elizabeth
susan margaret dorothy lisa nancy karen betty helen sandra1 donna carol ruth sharon michelle1 laura sarah
kimberly deborah amy angela1 melissa1 brenda emma olivia ava isabella sophia charlotte mia amelia harper
evelyn abigail emily elizabeth1 sofia avery ella scarlett grace chloe victoria1 riley aria lily aubrey zoey
penelope lillian addison layla natalie camila hannah1 brooklyn zoe nora leah savannah audrey claire eleanor
skylar ellie samantha1 stella paisley violet mila allison alexa anna hazel aaliyah ariana lucy caroline sarah1
genesis kennedy sadie gabriella madelyn adeline maya liverpool chelsea1 arsenal1 manchester united barcelona
realmadrid juventus milan bayern celtic rangers1 everton tottenham newcastle leeds yankees1 redsox1 lakers1
bulls celtics packers steelers1 cowboys1 patriots1 giants raiders1 broncos dolphins1 jets eagles2 bears
vikings basketball baseball1 football2 soccer1 hockey1 tennis1 golf golfer1 rugby cricket running swimming
cycling skiing snowboard surfing skate skateboard boxing karate judo fitness music guitar1 piano drums rock
rocknroll metallica nirvana beatles eminem 50cent tupac rihanna beyonce britney madonna elvis chocolate
cookie1 cheese1 pizza burger hotdog1 banana1 apple orange1 lemon cherry strawberry peaches coffee1 tea beer
vodka whiskey wine tequila mercedes1 bmw audi porsche1 ferrari1 lamborghini toyota1 honda nissan ford chevy
mustang1 corvette1 harley1 yamaha1 suzuki kawasaki ducati volvo jeep dodge camaro1 jaguar computer2 internet1
google yahoo facebook twitter instagram youtube linkedin microsoft windows apple123 iphone android samsung1
nokia dell laptop desktop keyboard mouse monitor printer network wireless matrix1 trinity1 morpheus neo
starwars1 jedi yoda skywalker vader chewbacca hobbit frodo gandalf1 legolas aragorn sauron harrypotter
hermione hogwarts voldemort sherlock watson qwerty2 qwerty7 qwerty11 asdf asdfg asdf123 asdfgh1 zxcv zxcvb
zxcvbnm1 1qaz2wsx1 q1w2e3 q1w2e3r4t5y6 1a2b3c 1a2b3c4d a1b2c3 a1b2c3d4 abc abc123456 abcabc xyz xyz123 aaa
aaa111 aaaaaaaa qqqqqq zzzzzz motdepasse motdepasse1 motdepasse123 mdp mdp123 azerty azerty1 azerty123
azerty1234 azertyuiop azertyuiop1 azertyuiop123 azerty12345 azertyu azertyui azer azer123 qsdfgh qsdfghjklm
wxcvbn wxcvbnm azeqsdwxc aqwzsx aqwzsxedc 1azerty azertyqsdfgh azertyuiopqsdfghjklm soleil soleil1 soleil123
doudou doudou1 loulou loulou1 chouchou chouchou1 bisous bisou jetaime jetaime1 jetaime123 tequiero amour
amour1 monamour moncoeur coeur cherie cheri mamour bebe bebe123 doudoune minou minette chaton chaton1 titi
toto toto123 tata tutu lolo lulu nounours nounou poupou pupuce puce puce123 cocotte coco coco123 choupette
choupinette kiki fifi bonjour bonjour1 bonjour123 bonsoir salut salut123 coucou coucou1 merci bienvenue
bienvenue1 bienvenue123 hello1234 azerty2024 azerty2025 france france1 france123 francais marseille
marseille13 paris75 lyon lyon69 toulouse nantes bordeaux lille nice strasbourg montpellier rennes grenoble
brest angers laval cholet dijon besancon reims rouen caen metz limoges clermont tours orleans poitiers avignon
perpignan bayonne pau lorient vannes quimper toulon cannes ajaccio bastia corse bretagne normandie alsace
provence savoie auvergne vendee jura olympique om ol psg parisiensg allezparis allezlom allezlesbleus lesbleus
zidane mbappe griezmann platini benzema ribery thierryhenry pogba cantona marseille1 nicolas julien camille
olivier thomas3 nathalie isabelle sylvie catherine stephanie christine sandrine veronique valerie celine
sophie1 aurelie emilie julie laetitia virginie melanie caroline1 elodie claire1 marie marie1 jeanne louise lea
manon chloe1 ines lucie clara jade alice zoe1 romane anais mathilde pauline margaux oceane marion justine
audrey1 laura1 sarah2 charlotte1 elise helene francoise monique martine jacqueline nicole1 annie chantal
brigitte dominique patrick2 philippe pierre jean jeanpierre jeanmarc jeanluc michel alain bernard christophe
frederic laurent stephane sebastien david1 eric1 pascal didier thierry gilles jerome vincent1 francois arnaud
guillaume antoine maxime alexandre romain quentin kevin1 florian mathieu matthieu benoit cedric damien fabien
ludovic yannick xavier hugo lucas louis1 gabriel1 arthur2 jules raphael leo adam1 paul1 enzo nathan1 theo tom
noah1 ethan1 timeo mael baptiste clement valentin chocolat fromage baguette croissant vin rouge bleu blanc
vert jaune noir rose orange2 soleil2 lune etoile etoiles ciel mer plage montagne foret fleur fleurs papillon
arcenciel liberte egalite fraternite liberte1 vacances ete hiver printemps automne noel paques janvier fevrier
mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi
samedi dimanche chien chat chat123 cheval lapin tigre lion1 loup ours renard dauphin aigle dragon2 licorne
poisson oiseau souris papa maman papa123 maman123 mamie papy famille enfants fils fille frere soeur bebe1
jumeaux secret1 secret2 motdepasse2 nouveaumotdepasse changemoi changer modifier utilisateur administrateur
admin2024 admin2025 gestion gestionnaire direction directeur comptable compta comptabilite facture factures
accueil stagiaire bureau entreprise societe societe1 industrie industriel usine atelier production qualite
maintenance technicien ingenieur ingenierie laboratoire labo recherche chercheur innovation projet projets
passerelle passerelle1 cluster pole technopole territoire territoires informatique ordinateur internet2 wifi
reseau serveur clavier souris1 ecran portable telephone iphone1 samsung2 orange3 free freebox livebox sfr
bouygues numericable peugeot renault citroen clio megane twingo scenic laguna golf1 polo 206 306 307 308 3008
5008 c3 c4 dacia sandero azerty2023 soleil2024 bonjour2024 bonjour2025 marseille2024 france2024 paris2024
motdepasse2024 motdepasse2025 password2024 password2025 admin2023 qwerty2024 qwerty2025
`
