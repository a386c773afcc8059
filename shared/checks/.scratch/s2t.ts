import { getConverter } from '../../text/convert';
const c = getConverter('s2t');
for (const s of ['李征','陈余','张范','何后','周于','黄立','黄冰','剛才李征介紹的','刚才陈余介绍的','刚才张范介绍的','刚才何后介绍的','刚才周于介绍的','首席财务官李震介绍','魏征表示','古人有云','公有云','发布会','头发']) console.log(s, c.convert(s));
