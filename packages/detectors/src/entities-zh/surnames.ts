import { CharTable } from './char-table.ts';

/**
 * Chinese surnames (百家姓, most frequent first), from general knowledge. A name needs a surname at its start,
 * so this list is what keeps the rules from tagging arbitrary two- and three-character words.
 */
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻位厉伊仝郜阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初门容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸慕危玉银亢嵇哈湛宾戎勾茅於居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧由邱覃贝赖习凤荀钮邴糜郦濮竺桓巢蒯庾夔訾宓郗鄂羿逄区';

/**
 * Surnames that are also everyday characters (和 "and", 高 "high", 方 "side" …). A name starting with one
 * of these needs more evidence than jieba's tag alone.
 */
const AMBIGUOUS_SURNAMES =
  '高方白金石马龙江文安向于成时明和全平国来都相云花强利但由信干那元南师商关乐初门路华包应连车项解管简计支巴丰宣晋容敬母修居衣展阴智幸富植衡位盘满楼皮劳燕班权帅屠豆盖练井祖卿索普伏鹿薄羊乌况宿鲜印隆危玉银亢戎勾呼揭束奉尧常温康施齐易曲游阳司古吉沙荣仲官封谈惠原区海公战任单曾边查冷毕党席宫米全能双雷章习凤巢';

/** Two-character surnames; checked before single ones so 欧阳修 is not read as 欧 + 阳修. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '闻人',
  '呼延',
  '万俟',
  '澹台',
  '申屠',
  '太史',
  '钟离',
  '百里',
  '东郭',
  '公冶',
  '濮阳',
  '淳于',
  '单于',
  '赫连',
  '拓跋',
  '完颜',
  '鲜于',
  '闾丘',
  '第五',
]);

/** Traditional-script forms of common surnames, for Hong Kong / Taiwan text. */
const TRADITIONAL_SURNAMES =
  '陳張劉黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧蔣錢韋龍陸戴鍾譚賈廖鄒陶賀顧龔羅楊萬閻蔡湯嚴魯';

const SINGLE = new CharTable(SINGLE_SURNAMES + TRADITIONAL_SURNAMES);
const AMBIGUOUS = new CharTable(AMBIGUOUS_SURNAMES);

export function isSurnameChar(ch: string): boolean {
  return ch.length === 1 && SINGLE.at(ch, 0);
}

/**
 * The twenty most frequent surnames (about half of the population), minus 高 and 马 which double as everyday
 * words. An unknown two-character word led by one of these is a name even when its given-name character is rare.
 */
const MOST_COMMON = new CharTable('王李张刘陈杨黄赵吴周徐孙胡朱林何郭罗');

export function isMostCommonSurname(ch: string): boolean {
  return MOST_COMMON.at(ch, 0);
}

export function isAmbiguousSurname(ch: string): boolean {
  return AMBIGUOUS.at(ch, 0);
}

/** Length of the surname at the start of `word` (2 for compound, 1 for single), or 0. */
const COMPOUND_FIRST = new CharTable([...COMPOUND_SURNAMES].map((s) => s.charAt(0)));

export function surnameLength(word: string): number {
  if (word.length >= 2 && COMPOUND_FIRST.at(word, 0) && COMPOUND_SURNAMES.has(word.slice(0, 2))) return 2;
  return SINGLE.at(word, 0) ? 1 : 0;
}
