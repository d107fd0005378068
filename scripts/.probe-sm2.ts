import { verify, sign, randomBytes } from 'node:crypto';
import { sm2Sign } from '../src/crypto/sm2-signature';
import { keyPairFromSeed, type NodeKeyPair } from '../src/crypto/key-pair';
const pair = keyPairFromSeed({ kind: 'sm2' } as never, Buffer.alloc(32, 7)) as NodeKeyPair;
const msg = Buffer.from('hello');
const mine = sm2Sign(pair.ec!.scalar, pair.ec!.point, msg, (n) => randomBytes(n));
console.log('node verifies mine', verify('sm3', msg, pair.publicKey, mine));
const theirs = sign('sm3', msg, pair.privateKey);
console.log('node verifies node', verify('sm3', msg, pair.publicKey, theirs));
